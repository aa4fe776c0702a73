/**
 * The task pane's language from Office.context.displayLanguage. Tags vary ("zh-CN", "zh-cn", "zh-Hans-CN", "zh"):
 * try the full tag, then the language, then fall back to English.
 */
import { en } from "./en";
import { zhCN, type Messages } from "./zh-CN";

const LOCALES: Readonly<Record<string, Messages>> = { "zh-cn": zhCN, "zh-hans-cn": zhCN, "zh-sg": zhCN, zh: zhCN, en };

export type { Messages };

export function pickMessages(displayLanguage: string | undefined | null): Messages {
  const tag = (displayLanguage ?? "").trim().toLowerCase().replace(/_/g, "-");
  if (LOCALES[tag]) return LOCALES[tag];
  const language = tag.split("-")[0];
  if (language === "zh" && /-(tw|hk|mo|hant)/.test(tag)) return zhCN; // traditional Chinese readers read 简体 better than English
  return LOCALES[language] ?? en;
}

/** "{count} 张" with values filled in. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

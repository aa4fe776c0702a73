/**
 * Reading cells. Amounts (deductions, bonus, penalty, annex scores) become integer hundredths or a reason why not;
 * 是/否 cells become booleans; the 一票否优 conditions become numbers 1…n (n from the rules). No floating-point result
 * ever leaves here.
 */
import type { Hundredths } from "../rubric";
import { cellText, isEmptyCell, type CellValue } from "./entries";
import { NO, YES } from "./words";

export type AmountFailure = "notNumber" | "negative" | "tooPrecise";

export type ParsedAmount =
  | { ok: true; /** null: the cell is empty */ value: Hundredths | null }
  | { ok: false; reason: AmountFailure; /** the half-width number to type instead */ suggestion?: string };

/** A plain decimal: digits with an optional point ("12", "0.5", ".5", "5."), optionally signed. */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Characters typed with a Chinese input method instead of the ASCII ones of a number. */
const LOOKALIKES: Record<string, string> = {
  "．": ".",
  "。": ".",
  "｡": ".",
  "，": ".",
  "、": ".",
  "－": "-",
  "−": "-",
  "﹣": "-",
  "＋": "+",
};

/** "０．５" → "0.5", "0。5" → "0.5", "0，5" → "0.5", "0,5" → "0.5", "－1" → "-1"; other text unchanged. */
export function toHalfWidthNumber(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else out += LOOKALIKES[ch] ?? ch;
  }
  // A decimal comma: one ASCII comma followed by one or two digits ("0,5"), not a thousands separator ("1,000").
  return out.replace(/^([+-]?\d+),(\d{1,2})$/, "$1.$2");
}

/** Exact hundredths of a plain decimal string, or why not. */
function parseDecimal(text: string): ParsedAmount | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  // By index, not destructured: read for every amount, in code that runs cold.
  const sign = m[1];
  const whole = m[2];
  const fraction = m[3] ?? "";
  if (whole === "" && fraction === "") return undefined; // "", ".", "-"
  const extra = fraction.slice(2);
  if (/[1-9]/.test(extra)) return { ok: false, reason: "tooPrecise" };
  const hundredths = Number(whole || "0") * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
  if (!Number.isSafeInteger(hundredths)) return { ok: false, reason: "notNumber" };
  if (sign === "-" && hundredths !== 0) return { ok: false, reason: "negative" };
  return { ok: true, value: hundredths };
}

/**
 * An amount as typed. Empty → value null. JavaScript numbers are accepted within 1e-9 of a value with two decimals
 * (Excel hands over 0.30000000000000004); text must be a plain half-width decimal ("0.5"). Full-width digits,
 * "。", "，" or a full-width minus give notNumber with the half-width form as suggestion; "#N/A", booleans and
 * other text give notNumber without one.
 */
export function parseAmount(value: CellValue | undefined): ParsedAmount {
  if (isEmptyCell(value)) return { ok: true, value: null };
  if (typeof value === "boolean") return { ok: false, reason: "notNumber" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: "notNumber" };
    const scaled = value * 100;
    const hundredths = Math.round(scaled) + 0; // + 0 turns -0 into 0
    if (!Number.isSafeInteger(hundredths)) return { ok: false, reason: "notNumber" };
    const tolerance = 1e-7 + Math.abs(scaled) * Number.EPSILON * 4; // 1e-9 points, plus the float's own grain
    if (hundredths < 0) return { ok: false, reason: "negative" };
    if (Math.abs(scaled - hundredths) > tolerance) {
      return value < 0 ? { ok: false, reason: "negative" } : { ok: false, reason: "tooPrecise" };
    }
    return { ok: true, value: hundredths };
  }
  const text = value.trim();
  const direct = parseDecimal(text);
  if (direct) return direct;
  const halfWidth = toHalfWidthNumber(text);
  if (halfWidth !== text && parseDecimal(halfWidth)) {
    return { ok: false, reason: "notNumber", suggestion: halfWidth.replace(/^\+/, "") };
  }
  return { ok: false, reason: "notNumber" };
}

/** A 是/否 cell: "是" → true, "否" → false, empty → `empty`; anything else → undefined (invalid). */
export function parseYesNo(value: CellValue | undefined, empty: boolean): boolean | undefined {
  if (isEmptyCell(value)) return empty;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === YES) return true;
  if (text === NO) return false;
  return undefined;
}

export interface ParsedVetoConditions {
  /** The conditions named, 1…count, sorted, each once. */
  conditions: number[];
  /** Numbers named that are not conditions (0, count + 1, 13 …), as typed. */
  outOfRange: string[];
  /** Whatever is left that is neither a number, a bracket nor a separator ("重大事故"); "" if nothing. */
  unrecognized: string;
}

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "十", "十二", "二十" → 10, 12, 20. */
function chineseNumber(run: string): number {
  const [tens, units] = run.split("十");
  return (
    (tens === "" ? 1 : CHINESE_DIGITS[tens]) * 10 + (units === "" || units === undefined ? 0 : CHINESE_DIGITS[units])
  );
}

const NUMBER = "\\d+|[〇零一二两三四五六七八九十]+";
/** Between conditions: "、", ",", "和" … */
const SEPARATOR = "[\\s、,，.．;；:：/和及与]";
/** A condition's number in brackets, "（三）", "(3)", "【3】": a condition wherever it stands. */
const BRACKETED = new RegExp(`[（(【〔\\[]\\s*(${NUMBER})\\s*[）)】〕\\]]`, "y");
/** "第三项", "第3条", "第三": a condition where a reference may start; inside a description only with 项, 条 …. */
const ORDINAL = new RegExp(`第\\s*(${NUMBER})\\s*(?:项|条|款|种|类|情形)?`, "y");
const ORDINAL_NAMED = new RegExp(`第\\s*(${NUMBER})\\s*(?:项|条|款|种|类|情形)`, "y");
/**
 * A bare number, "3" or "三": a condition only before any description, and when nothing but a separator, a bracket
 * or the end follows it ("2起" is no condition; nor is "共 2 起" after a description).
 */
const BARE = new RegExp(`(${NUMBER})(?=${SEPARATOR}|[（(【〔\\[]|第|$)`, "y");
const AFTER_SEPARATOR = new RegExp(`${SEPARATOR}$`);

/**
 * Which of the rules' `count` conditions of 一票否优: "（一）（三）", "(1)(3)", "1,3", "1、3", "一、三", "一三", "第一项和第三项",
 * and the same followed by a description, as people write it: "（三）发生2起较大道路运输事故", "3、发生…", "第三项…".
 * A number is a condition in brackets, after 第, or standing alone at the start or after a separator or another
 * condition; a number inside a description ("2起") is part of the description. Once a condition is named, the rest
 * is its description, kept as typed; text without any condition is unrecognized. A run of Arabic digits is one
 * number ("13" is 13, out of range); a run of Chinese numerals without 十 is one condition per character ("一三" is 1
 * and 3).
 */
export function parseVetoConditions(value: CellValue | undefined, count: number): ParsedVetoConditions {
  const found = new Set<number>();
  const outOfRange: string[] = [];
  if (isEmptyCell(value) || typeof value === "boolean") {
    return { conditions: [], outOfRange: [], unrecognized: typeof value === "boolean" ? cellText(value) : "" };
  }
  // Full-width digits only: here "，" and "、" separate conditions, they are no decimal marks.
  const text = String(value)
    .trim()
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30));
  const add = (run: string) => {
    const one = (n: number, typed: string) => {
      if (Number.isInteger(n) && n >= 1 && n <= count) found.add(n);
      else outOfRange.push(typed);
    };
    if (/^\d/.test(run)) one(Number(run), run);
    else if (run.includes("十")) one(chineseNumber(run), run);
    else for (const ch of run) one(CHINESE_DIGITS[ch], ch);
  };
  let named = false;
  let description = "";
  let boundary = true; // where a reference may start: the beginning, after a separator or a condition
  let described = false; // a description has begun
  for (let i = 0; i < text.length;) {
    const match = (re: RegExp) => ((re.lastIndex = i), re.exec(text));
    const m =
      match(BRACKETED) ?? (!boundary ? null : described ? match(ORDINAL_NAMED) : (match(ORDINAL) ?? match(BARE)));
    if (m) {
      add(m[1]);
      named = true;
      boundary = true;
      i += m[0].length;
      continue;
    }
    description += text[i];
    boundary = AFTER_SEPARATOR.test(text[i]);
    described ||= !boundary;
    i++;
  }
  const unrecognized = named ? "" : description.replace(/[\s()（）【】[\]〔〕、,，.;；:：/和及与第项条款种情形]+/g, "");
  return { conditions: [...found].sort((a, b) => a - b), outOfRange, unrecognized };
}

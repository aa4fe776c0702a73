// ESLint flat config: TypeScript rules with type information (promises that are neither awaited nor handled),
// the Office add-in rules, the house's layer rules and no import circles; applied to .ts and .tsx alike (the
// office-addins plugin's own recommended config only covers .js/.ts files, and React components call Office.js too).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import globals from "globals";

const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

/** What the pure core (rubric, scoring, layout) must not import: it runs alike in the pane, in Node and in tests. */
const notInTheCore = [
  { group: ["node:*"], message: "The core is pure: no Node APIs (src/cli and src/xlsx hold the Node side)." },
  { group: ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*"], message: "The core is pure: no React." },
  { group: ["exceljs", "jszip"], message: "The core is pure: files are read and written in src/xlsx." },
  {
    group: ["**/excel", "**/excel/*", "**/xlsx", "**/xlsx/*", "**/cli", "**/cli/*", "**/taskpane", "**/taskpane/*"],
    message: "The core does not know its adapters: src/excel, src/xlsx, src/cli and src/taskpane import it, not back.",
  },
];
const nodeBuiltins = ["fs", "path", "os", "child_process", "crypto", "zlib", "stream", "util", "url", "buffer"];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "test-artifacts/", "bin/", "*.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins, "import-x": importX },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: {
      // Without its extensions listed, import-x does not look into TypeScript modules and sees no circle at all.
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // A promise nobody awaits loses its error: in the pane a failed Excel.run would vanish without a word.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // Circles make the order of module start-up matter and hide which layer owns what. (Type-only imports are
      // not followed by the rule.)
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // The layers: rubric, scoring, layout and totalling are pure; Office.js is only used in src/excel (its globals
    // `Excel` and `Office` are refused here too).
    files: ["src/rubric/**", "src/scoring/**", "src/layout/**", "src/totalling/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: nodeBuiltins.map((name) => ({ name, message: "The core is pure: no Node APIs." })),
          patterns: notInTheCore,
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "Office.js belongs in src/excel." },
        { name: "Office", message: "Office.js belongs in src/excel." },
        { name: "OfficeExtension", message: "Office.js belongs in src/excel." },
        { name: "process", message: "The core is pure: no Node APIs." },
      ],
    },
  },
  {
    // Scripts run by Node itself: the bench, the dev server start, the browser tests' webpack loader.
    files: ["scripts/**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests break rules files and workbooks on purpose, which needs untyped copies.
    files: ["test/**/*.ts", "test/**/*.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);

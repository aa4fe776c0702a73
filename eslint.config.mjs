// ESLint flat config: TypeScript rules plus the Office add-in rules, applied to .ts and .tsx alike
// (the plugin's own recommended config only covers .js/.ts files, and React components call Office.js too).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "test-artifacts/", "bin/", "*.config.js", "scripts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // CommonJS helpers run by Node itself (a webpack loader of the browser tests).
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests break rules files and workbooks on purpose, which needs untyped copies.
    files: ["test/**/*.ts", "test/**/*.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);

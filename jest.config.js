/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  // `npm test` runs jest with --coverage: a one-screen summary of how much of src/ the tests run. V8's own counters
  // cost little time, where instrumenting every module would slow the whole run down.
  collectCoverageFrom: ["src/**/*.{ts,tsx}"],
  coverageProvider: "v8",
  coverageReporters: ["text-summary"],
  testTimeout: 30000,
};

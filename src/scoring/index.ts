/** The scoring core: pure functions from entries to results (no Office.js, React or Node APIs). */
export * from "./entries";
export * from "./issues";
export * from "./parse";
export * from "./score";
export * from "./unscored";

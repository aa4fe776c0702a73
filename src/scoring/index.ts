/**
 * The scoring core: pure functions from entries to results (no Office.js, React or Node APIs). One module per job:
 * parse (cells → amounts, 是/否, conditions), rounding, line, adjustments (加分, 减分, 一票否优), annex (附件1/2),
 * unit (one unit's result), ranking, all (every unit, duplicates, outside errors), messages and issues.
 */
export * from "./entries";
export * from "./issues";
export * from "./parse";
export * from "./words";
export * from "./results";
export * from "./rounding";
export * from "./messages";
export * from "./line";
export * from "./adjustments";
export * from "./annex";
export * from "./unit";
export * from "./ranking";
export * from "./all";

export * from "./hundredths";
// Types only: the schema (and zod) load when a rules file is checked (load.ts).
export type * from "./schema";
export * from "./units";
export * from "./targets";
export * from "./model";
export * from "./load";
export * from "./lint";
export * from "./diff";
export { defaultRubric, defaultRulesJson } from "./default";
export * from "./parties";

export * from "./hundredths";
export * from "./schema";
export * from "./units";
export * from "./targets";
export * from "./model";
export * from "./load";
export * from "./lint";
export { defaultRubric, defaultRulesJson } from "./default";

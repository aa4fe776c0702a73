export * from "./labels";
export * from "./sheets";
export * from "./read";
export * from "./check";
export * from "./embed";
export * from "./source";

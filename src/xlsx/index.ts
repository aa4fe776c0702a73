export * from "./write";
export * from "./read";
export * from "./zipGuard";
export * from "./fastRead";
export * from "./scan";

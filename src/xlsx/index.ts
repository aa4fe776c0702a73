export * from "./write";
export * from "./read";
export * from "./zipGuard";
export * from "./fastRead";
export * from "./scan";
export * from "./zlibRead";
// Node's entry reads with node:zlib: this explicit export takes the place of ./read's readXlsx (the browser's, JSZip).
export { readXlsxNode as readXlsx, readXlsxNode } from "./nodeRead";

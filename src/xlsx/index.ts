export { shiftRows, type Repack } from "./write";
// Node's entry repacks with node:zlib (./write's planToXlsx, the browser's, repacks with JSZip).
export { planToXlsxNode as planToXlsx } from "./nodeWrite";
export { READ_LIMITS, WorkbookReadError, type Unpacker } from "./readChecked";
export * from "./zipGuard";
export * from "./fastRead";
export * from "./scan";
export * from "./zlibRead";
// Node's entry reads with node:zlib (./read, the browser's, unpacks with JSZip and is not loaded here).
export { readXlsxNode as readXlsx, readXlsxNode } from "./nodeRead";

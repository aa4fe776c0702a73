/** Totalling: the workbooks read → results and located issues, one pure path for the add-in and the command line. */
export * from "./located";
export * from "./merge";
export * from "./totalWorkbooks";
export * from "./progress";
export * from "./newer";
export * from "./owners";
export * from "./signoffs";
export * from "./dated";
export * from "./partsText";
export * from "./importMerge";

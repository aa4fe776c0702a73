/**
 * The words a person types or reads in a cell and that the program compares against: the answers of a 是/否 cell and
 * the grade of a unit that cannot be graded yet. The core parses them, the layout writes them into validation lists
 * and formulas, so they live once, here, in the lowest layer that needs them.
 */

/** 是 of a 是/否 cell (是否参与打分, 一票否优). */
export const YES = "是";
/** 否 of a 是/否 cell. */
export const NO = "否";
/** The grade of a unit with an error, shown until the error is fixed. */
export const PENDING_GRADE = "待更正";

/**
 * Words of the layout's own messages that several modules share. Kept apart from the modules that use them so that
 * the reader, the tamper check and the repair need not import one another.
 */

/** What a message about a damaged sheet tells the person to do. */
export const REPAIR_HINT =
  "请撤销（Ctrl+Z），或在加载项的问题列表中点「修复本表」按原样重建该表（录入保留，被替换的值记入变更记录）";

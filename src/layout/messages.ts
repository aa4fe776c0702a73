/**
 * Words of the layout's own messages that several modules share. Kept apart from the modules that use them so that
 * the reader, the tamper check and the repair need not import one another.
 */

/**
 * What a message about a damaged sheet tells the person to do. Not Ctrl+Z: the message reaches them in 校验并汇总, from
 * the command line or after an import, where Excel's undo no longer holds the damage (an add-in's write clears it
 * before ExcelApi 1.20, and the file may have been saved and sent since).
 */
export const REPAIR_HINT =
  "请在加载项的问题列表中点「修复本表」按原样重建该表（录入保留，被替换的值记入变更记录），或用原样的打分表重新录入";

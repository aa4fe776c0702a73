import fc from "fast-check";
import { cellRef, columnLetter, columnNumber, parseCellRef, parseRangeRef } from "../../src/layout";

describe("A1 addresses", () => {
  it("reads back every column and cell it writes, up to Excel's last column XFD", () => {
    expect(columnLetter(16384)).toBe("XFD");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1048576 }), fc.integer({ min: 1, max: 16384 }), (row, col) => {
        expect(columnNumber(columnLetter(col))).toBe(col);
        expect(parseCellRef(cellRef(row, col))).toEqual({ row, col });
        expect(parseCellRef(cellRef(row, col, true))).toEqual({ row, col });
      }),
    );
  });

  it("refuses what is not one cell", () => {
    for (const bad of ["", "E", "12", "E12:F13", "e12", "Sheet1!E12", "E 12"])
      expect(parseCellRef(bad)).toBeUndefined();
  });

  it("reads the rectangle of a range as Excel reports it, and refuses whole rows and columns", () => {
    expect(parseRangeRef("E12")).toEqual({ top: 12, left: 5, bottom: 12, right: 5 });
    expect(parseRangeRef("'考核 表'!$E$12:$AA40")).toEqual({ top: 12, left: 5, bottom: 40, right: 27 });
    expect(parseRangeRef("3:3")).toBeUndefined();
    expect(parseRangeRef("E:E")).toBeUndefined();
  });
});

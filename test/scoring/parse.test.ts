import fc from "fast-check";
import {
  divideRoundHalfUp,
  normalize,
  parseAmount,
  parseVetoConditions,
  parseYesNo,
  toHalfWidthNumber,
} from "../../src/scoring";
import { luliang2022 } from "../support/rules";

/** The 2022 rules name five 一票否优 conditions. */
const conditions = luliang2022.rules.vetoConditions.length;

describe("parseAmount", () => {
  test.each([
    [null, null],
    [undefined, null],
    ["", null],
    ["   ", null],
    ["\u3000", null],
    [0, 0],
    [-0, 0],
    [0.5, 50],
    [2, 200],
    [1.25, 125],
    ["0.5", 50],
    [" 0.5 ", 50],
    [".5", 50],
    ["5.", 500],
    ["1.50", 150],
    ["0.500", 50], // trailing zeros carry no precision
    ["+1", 100],
    [0.30000000000000004, 30], // Excel's float noise: within 1e-9 of 0.30
    [0.1 + 0.2, 30],
    [0.7 - 0.3, 40], // 0.39999999999999997
    [25 - 9.21, 1579],
    [1.0000000001, 100], // 1e-10 away: noise
  ] as const)("%p → %p hundredths", (input, expected) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ["０．５", "0.5"],
    ["0。5", "0.5"],
    ["0，5", "0.5"],
    ["0,5", "0.5"],
    ["１", "1"],
    ["１．２５", "1.25"],
    ["－0.5", "-0.5"],
    ["＋０．５", "0.5"],
  ])("%p is not a number, suggestion %p", (input, suggestion) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason: "notNumber", suggestion });
  });

  test.each([
    ["#N/A"],
    ["#REF!"],
    [true],
    [false],
    ["abc"],
    ["0.5分"],
    ["1,000"],
    ["-"],
    ["."],
    ["1e-1"],
    [Number.NaN],
    [Infinity],
    [1e300],
  ])("%p is not a number, no suggestion", (input) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason: "notNumber" });
  });

  test.each([[-0.5], ["-0.5"], ["-1"], [-0.001], [-1e-6]])("%p is negative", (input) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason: "negative" });
  });

  test.each([[0.125], ["0.125"], [1.005], ["1.001"], [0.00001]])("%p has more than two decimals", (input) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason: "tooPrecise" });
  });
});

test("toHalfWidthNumber", () => {
  expect(toHalfWidthNumber("０１２３４５６７８９．")).toBe("0123456789.");
  expect(toHalfWidthNumber("0,5")).toBe("0.5");
  expect(toHalfWidthNumber("1,000")).toBe("1,000");
});

test("parseYesNo: only 是 and 否, empty means the default", () => {
  expect(parseYesNo("是", false)).toBe(true);
  expect(parseYesNo(" 否 ", true)).toBe(false);
  expect(parseYesNo(null, true)).toBe(true);
  expect(parseYesNo("", false)).toBe(false);
  for (const bad of ["Y", "N", "不参与", "yes", 1, true]) expect(parseYesNo(bad, true)).toBeUndefined();
});

describe("parseVetoConditions", () => {
  test.each([
    ["（一）（三）", [1, 3]],
    ["(1)(3)", [1, 3]],
    ["1,3", [1, 3]],
    ["1、3", [1, 3]],
    ["１，３", [1, 3]],
    ["一、三", [1, 3]],
    ["一三", [1, 3]],
    ["第一项和第三项", [1, 3]],
    ["（五）", [5]],
    [5, [5]],
    ["三、一、三", [1, 3]],
    [null, []],
  ] as const)("%p → %p", (input, expected) => {
    expect(parseVetoConditions(input, conditions)).toEqual({ conditions: expected, outOfRange: [], unrecognized: "" });
  });

  test("out of range and unrecognized parts are kept apart", () => {
    expect(parseVetoConditions("（一）（六）", conditions)).toEqual({
      conditions: [1],
      outOfRange: ["六"],
      unrecognized: "",
    });
    expect(parseVetoConditions("13", conditions)).toEqual({ conditions: [], outOfRange: ["13"], unrecognized: "" });
    expect(parseVetoConditions("0,2", conditions)).toEqual({ conditions: [2], outOfRange: ["0"], unrecognized: "" });
    expect(parseVetoConditions("重大事故", conditions)).toEqual({
      conditions: [],
      outOfRange: [],
      unrecognized: "重大事故",
    });
  });

  // A condition named with its description, as assessors write it: the number counts, the description is free text
  // whose own figures ("2起", "3人") are no conditions.
  test.each([
    ["（三）发生2起较大道路运输事故", [3]],
    ["(3)发生2起较大道路运输事故", [3]],
    ["3、发生2起较大道路运输事故", [3]],
    ["3 发生2起较大事故", [3]],
    ["三：发生2起较大事故", [3]],
    ["第三项：发生2起较大事故", [3]],
    ["第三项发生2起较大事故", [3]],
    ["第3条…", [3]],
    ["（二）煤矿发生一起死亡3人的责任事故", [2]],
    ["（一）发生重大事故；（三）发生2起较大事故", [1, 3]],
    ["1、3：发生2起较大事故，共 4 人死亡", [1, 3]],
    ["（三）发生较大事故，第五项不涉及", [3, 5]],
    ["（三）一年内发生2起", [3]],
    ["（３）发生２起", [3]],
  ] as const)("%p → %p, the description accepted", (input, expected) => {
    expect(parseVetoConditions(input, conditions)).toEqual({ conditions: expected, outOfRange: [], unrecognized: "" });
  });

  test("a description without a condition's number is unrecognized, its figures kept as typed", () => {
    expect(parseVetoConditions("发生2起较大道路运输事故", conditions)).toEqual({
      conditions: [],
      outOfRange: [],
      unrecognized: "发生2起较大道路运输事故",
    });
    expect(parseVetoConditions("2起较大事故", conditions).unrecognized).toBe("2起较大事故");
    expect(parseVetoConditions("（六）发生2起", conditions)).toEqual({
      conditions: [],
      outOfRange: ["六"],
      unrecognized: "",
    });
  });
});

describe("exact rounding", () => {
  test("half-up, in integers", () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(4, 2)).toBe(2);
    expect(divideRoundHalfUp(7, 3)).toBe(2);
    expect(divideRoundHalfUp(8, 3)).toBe(3);
    expect(divideRoundHalfUp(-5, 2)).toBe(-3); // halves away from zero
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(0.5, 1)).toThrow(RangeError);
    // beyond 2^53 (the BigInt path): 9007199254740991 / 2 = 4503599627370495.5 → 4503599627370496
    expect(divideRoundHalfUp(Number.MAX_SAFE_INTEGER, 2)).toBe(4503599627370496);
  });

  test("agrees with a BigInt reference on any safe integers", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n, d) => {
        const abs = BigInt(Math.abs(n));
        const q = Number((BigInt(2) * abs + BigInt(d)) / (BigInt(2) * BigInt(d)));
        expect(divideRoundHalfUp(n, d)).toBe(n < 0 && q !== 0 ? -q : q);
      }),
    );
  });

  test("where floating point rounds the wrong way", () => {
    // 4.18 / 60.80 × 100 = 6.875 exactly; in floats 6.874999999999999, which Math.round takes down to 6.87.
    expect(Math.round((4.18 / 60.8) * 100 * 100)).toBe(687);
    expect(normalize(418, 6080)).toBe(688);
    // 82.80 / 92.00 × 100 = 90 exactly; 82.79 / 92.00 × 100 = 89.98913… → 89.99.
    expect(normalize(8280, 9200)).toBe(9000);
    expect(normalize(8279, 9200)).toBe(8999);
  });
});

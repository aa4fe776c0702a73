/** Property tests of the scoring core over the real 2022 rules and every assessed unit. */
import fc from "fast-check";
import { formatHundredths, type Rubric, type ScoringLine } from "../../src/rubric";
import { luliang2022 } from "../support/rules";
import { parseAmount, scoreAll, scoreUnit, type CellValue, type LineEntry, type UnitEntries } from "../../src/scoring";

const rubric: Rubric = luliang2022;
const unitNames = rubric.registry.all.map((u) => u.name);
const linesOf = (name: string): readonly ScoringLine[] => rubric.linesFor(rubric.findUnit(name)!);

/** A deduction of h hundredths as a cell: a number (possibly with float noise), a text, or empty when 0. */
const amountCell = (max: number): fc.Arbitrary<CellValue> =>
  fc
    .integer({ min: 0, max })
    .chain((h) =>
      fc.constantFrom<CellValue>(h / 100, formatHundredths(h), h === 0 ? null : h / 100, ((h / 100) * 3) / 3),
    );

/** A valid entry for a line: mostly participating, sometimes 不参与 with or without a reason. */
const lineEntry = (line: ScoringLine): fc.Arbitrary<LineEntry> =>
  fc.record({
    deduction: amountCell(line.maxPoints),
    participates: fc.oneof(
      { arbitrary: fc.constantFrom<CellValue>(null, "", "是"), weight: 8 },
      { arbitrary: fc.constant<CellValue>("否"), weight: 2 },
    ),
    exemptionReason: fc.constantFrom<CellValue>(null, null, "不涉及"),
  });

/** One unit's valid entries (the lines by key), with a bonus, a penalty and a veto. */
const unitEntries = (name: string): fc.Arbitrary<UnitEntries> =>
  fc
    .record({
      lines: fc.tuple(...linesOf(name).map(lineEntry)),
      bonus: amountCell(800),
      penalty: amountCell(1500),
      veto: fc.constantFrom<CellValue>(null, "否", "是"),
    })
    .map(({ lines, bonus, penalty, veto }) => ({
      unit: name,
      lines: Object.fromEntries(linesOf(name).map((l, i) => [l.key, lines[i]])),
      bonus,
      penalty,
      veto,
      vetoConditions: veto === "是" ? "（一）" : null,
    }));

const anyUnitEntries = fc.constantFrom(...unitNames).chain(unitEntries);

/** Entries with line `key` replaced. */
const withLine = (entries: UnitEntries, key: string, entry: LineEntry): UnitEntries => ({
  ...entries,
  lines: { ...entries.lines, [key]: entry },
});

describe("properties", () => {
  test("normalized stays within 0..100 (or is null when nothing is applicable), with no errors on valid entries", () => {
    fc.assert(
      fc.property(anyUnitEntries, (entries) => {
        const r = scoreUnit(rubric, entries);
        if (r.applicableTotal === 0) {
          expect(r.normalized).toBeNull();
          expect(r.errors.map((e) => e.code)).toEqual(["unit.noApplicableLines"]);
          return;
        }
        expect(r.errors).toEqual([]);
        expect(r.normalized).not.toBeNull();
        expect(r.normalized!).toBeGreaterThanOrEqual(0);
        expect(r.normalized!).toBeLessThanOrEqual(10000);
        expect(Number.isInteger(r.normalized)).toBe(true);
        // final = normalized + min(bonus, 5) − penalty, exactly
        expect(r.finalScore).toBe(r.normalized! + Math.min(r.bonusEntered, 500) - r.penalty);
        expect(r.itemsScore).toBeLessThanOrEqual(r.applicableTotal);
        expect(r.rank).toBeNull();
      }),
    );
  });

  test("a larger deduction never raises a score", () => {
    fc.assert(
      fc.property(
        anyUnitEntries.chain((entries) => {
          const lines = linesOf(entries.unit);
          return fc.record({
            entries: fc.constant(entries),
            index: fc.integer({ min: 0, max: lines.length - 1 }),
            a: fc.nat(),
            b: fc.nat(),
          });
        }),
        ({ entries, index, a, b }) => {
          const line = linesOf(entries.unit)[index];
          const [small, large] = [a % (line.maxPoints + 1), b % (line.maxPoints + 1)].sort((x, y) => x - y);
          const base = entries.lines[line.key];
          const r1 = scoreUnit(rubric, withLine(entries, line.key, { ...base, deduction: small / 100 }));
          const r2 = scoreUnit(rubric, withLine(entries, line.key, { ...base, deduction: formatHundredths(large) }));
          expect(r2.lines[index].score).toBeLessThanOrEqual(r1.lines[index].score);
          expect(r2.itemsScore).toBeLessThanOrEqual(r1.itemsScore);
          if (r1.normalized !== null) expect(r2.normalized!).toBeLessThanOrEqual(r1.normalized);
          if (r1.finalScore !== null) expect(r2.finalScore!).toBeLessThanOrEqual(r1.finalScore);
          r1.lines.forEach((l, i) => {
            if (i !== index) expect(r2.lines[i]).toEqual(l);
          });
        },
      ),
    );
  });

  test("exempting a line with a reason never changes other lines' scores", () => {
    fc.assert(
      fc.property(
        anyUnitEntries.chain((entries) =>
          fc.record({
            entries: fc.constant(entries),
            index: fc.integer({ min: 0, max: linesOf(entries.unit).length - 1 }),
          }),
        ),
        ({ entries, index }) => {
          const line = linesOf(entries.unit)[index];
          const before = scoreUnit(rubric, entries);
          const after = scoreUnit(
            rubric,
            withLine(entries, line.key, { participates: "否", exemptionReason: "本单位不涉及" }),
          );
          after.lines.forEach((l, i) => {
            if (i !== index) expect(l).toEqual(before.lines[i]);
          });
          expect(after.lines[index]).toMatchObject({ participates: false, exempted: true, score: 0 });
          const wasExempted = before.lines[index].exempted;
          expect(after.applicableTotal).toBe(before.applicableTotal - (wasExempted ? 0 : line.maxPoints));
          expect(after.itemsScore).toBe(before.itemsScore - before.lines[index].score);
        },
      ),
    );
  });

  test("results do not depend on entry order", () => {
    const distinctUnits = fc.shuffledSubarray(unitNames, { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        distinctUnits.chain((names) =>
          fc.record({
            entries: fc.tuple(...names.map(unitEntries)),
            order: fc.shuffledSubarray(
              names.map((_, i) => i),
              { minLength: names.length, maxLength: names.length },
            ),
            keySeed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 90, maxLength: 90 }),
          }),
        ),
        ({ entries, order, keySeed }) => {
          const reordered = order.map((i) => {
            const e = entries[i];
            const keys = Object.keys(e.lines);
            const shuffled = keys.map((k, j) => [k, keySeed[j % keySeed.length]] as const).sort((x, y) => x[1] - y[1]);
            return { ...e, lines: Object.fromEntries(shuffled.map(([k]) => [k, e.lines[k]])) };
          });
          expect(scoreAll(rubric, reordered)).toEqual(scoreAll(rubric, entries));
        },
      ),
      { numRuns: 50 },
    );
  });

  test("ranks: equal finals share a rank, the next rank skips", () => {
    fc.assert(
      fc.property(
        fc
          .shuffledSubarray(unitNames, { minLength: 2, maxLength: 20 })
          .chain((names) => fc.tuple(...names.map(unitEntries))),
        (entries) => {
          const { counties, members } = scoreAll(rubric, entries);
          for (const list of [counties, members]) {
            list.forEach((r, i) => {
              if (r.rank === null) return;
              const better = list.filter((o) => o.rank !== null && o.finalScore! > r.finalScore!).length;
              expect(r.rank).toBe(better + 1);
              if (i > 0 && list[i - 1].rank !== null)
                expect(list[i - 1].finalScore!).toBeGreaterThanOrEqual(r.finalScore!);
            });
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  test("amounts: every two-decimal figure reads back exactly; its full-width form is suggested back", () => {
    const fullWidth = (s: string) =>
      s.replace(/[0-9.]/g, (c) => (c === "." ? "．" : String.fromCharCode(c.charCodeAt(0) + 0xff10 - 0x30)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_00 }), (h) => {
        expect(parseAmount(h / 100)).toEqual({ ok: true, value: h });
        expect(parseAmount(formatHundredths(h))).toEqual({ ok: true, value: h });
        expect(parseAmount(fullWidth(formatHundredths(h)))).toEqual({
          ok: false,
          reason: "notNumber",
          suggestion: formatHundredths(h),
        });
        if (h > 0) expect(parseAmount(-h / 100)).toMatchObject({ ok: false, reason: "negative" });
      }),
    );
  });
});

/**
 * Exact points. Rules give points in tenths and deductions may have two decimals, so every figure is held as an
 * integer number of hundredths: sums and differences are exact (0.7 − 0.3 is 70 − 30 = 40, shown "0.40"), and
 * only display turns them back into decimals.
 */
export type Hundredths = number;

/** A decimal as written in a rules file (at most two decimals) to hundredths. */
export function toHundredths(value: number): Hundredths {
  return Math.round(value * 100);
}

/** Hundredths as a JSON/plain number with at most two decimals (7050 → 70.5). */
export function fromHundredths(value: Hundredths): number {
  return value / 100;
}

/** Two decimals, always: 9200 → "92.00", -5 → "-0.05". */
export function formatHundredths(value: Hundredths): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return `${sign}${whole}.${frac < 10 ? "0" : ""}${frac}`;
}

/** Points as the rules print them: 0.7 → "0.7", 4 → "4", 92.5 → "92.5". */
export function formatPoints(value: Hundredths): string {
  return String(fromHundredths(value));
}

/** Exact rounding of the one division in scoring (the normalized score), in integers: no float is ever rounded. */
import type { Hundredths } from "../rubric";

/**
 * Round half-up of numerator / denominator (positive denominator; halves go away from zero), exact: integer
 * division with a correction step, so no float quotient is ever rounded. Falls back to BigInt only for figures
 * beyond 2^53 (never reached by real scores; BigInt is called, not written as literals, so older engines parse it).
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!(denominator > 0)) throw new RangeError("denominator must be positive");
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) throw new RangeError("integers only");
  const sign = numerator < 0 ? -1 : 1;
  const a = 2 * Math.abs(numerator) + denominator; // round half-up of n/d = floor((2n + d) / 2d)
  const b = 2 * denominator;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(a + b)) {
    let q = Math.floor(a / b);
    while (q * b > a) q--;
    while ((q + 1) * b <= a) q++;
    return sign * q + 0;
  }
  const big = BigInt(2) * BigInt(Math.abs(numerator)) + BigInt(denominator);
  return sign * Number(big / (BigInt(2) * BigInt(denominator))) + 0;
}

/** itemsScore / applicableTotal × 100, in hundredths, rounded half-up. */
export function normalize(itemsScore: Hundredths, applicableTotal: Hundredths): Hundredths {
  return divideRoundHalfUp(itemsScore * 10000, applicableTotal);
}

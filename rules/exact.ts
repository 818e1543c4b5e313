/**
 * Exact decimal arithmetic for fees: every factor is turned into a fraction of BigInts from its
 * shortest decimal form, so 5,000,000 × 80% × 1.00% comes out as exactly 40,000 and rounding
 * happens once, at the end.
 */
interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

function toFraction(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa = '0', exponentText] = value.toString().split('e');
  const exponent = exponentText ? Number(exponentText) : 0;
  const [whole = '0', fractional = ''] = mantissa.split('.');
  let numerator = BigInt(whole + fractional);
  let denominator = 10n ** BigInt(fractional.length);
  if (exponent > 0) numerator *= 10n ** BigInt(exponent);
  if (exponent < 0) denominator *= 10n ** BigInt(-exponent);
  return { numerator, denominator };
}

/** (Π numerators) ÷ (Π divisors), rounded half up to a whole number (all inputs are non-negative). */
export function productRoundedHalfUp(factors: number[], divisors: number[]): number {
  let numerator = 1n;
  let denominator = 1n;
  for (const f of factors.map(toFraction)) {
    numerator *= f.numerator;
    denominator *= f.denominator;
  }
  for (const d of divisors.map(toFraction)) {
    numerator *= d.denominator;
    denominator *= d.numerator;
  }
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return Number(remainder * 2n >= denominator ? quotient + 1n : quotient);
}


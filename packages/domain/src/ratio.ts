import { Decimal } from './money.ts';

/**
 * Longest decimal text a Ratio is made from. Shares and amounts have at most 14 + 4 digits; the
 * limit only keeps a malformed value (e.g. 1e-1000000) from turning into a huge bigint.
 */
export const ratio_decimal_digits_max = 100;

const decimalText = /^(-?)(\d+)(?:\.(\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * An exact fraction of two integers, for shares. A share such as 1/4 × 30 000/70 000 has no finite
 * decimal expansion; kept as a decimal it carries rounding noise, and the noise, not member order,
 * then decides between two members whose remainders are equal (DOMAIN.md §1). Always in lowest
 * terms with a positive denominator, so equal ratios have equal parts.
 */
export class Ratio {
  static readonly zero = new Ratio(0n, 1n);
  static readonly one = new Ratio(1n, 1n);

  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static of(numerator: bigint | number, denominator: bigint | number = 1n): Ratio {
    // A number that is not a safe integer has already lost digits; refuse it rather than guess.
    for (const part of [numerator, denominator])
      if (typeof part === 'number' && !Number.isSafeInteger(part))
        throw new RangeError(`a ratio is made of integers: ${part}`);
    let top = BigInt(numerator);
    let bottom = BigInt(denominator);
    if (bottom === 0n) throw new RangeError('a ratio cannot have a zero denominator');
    if (bottom < 0n) [top, bottom] = [-top, -bottom];
    const divisor = gcd(top, bottom);
    return new Ratio(top / divisor, bottom / divisor);
  }

  /** Exactly the value a finite decimal text such as "-12.3450" or "18.75" writes. */
  static parse(text: string): Ratio {
    const match = text.length <= ratio_decimal_digits_max ? decimalText.exec(text) : null;
    if (!match) throw new RangeError(`not a finite decimal: ${JSON.stringify(text.slice(0, 40))}`);
    const [, sign = '', whole = '0', fraction = ''] = match;
    return Ratio.of(BigInt(`${sign}${whole}${fraction}`), 10n ** BigInt(fraction.length));
  }

  /** Exactly the value of a Decimal (money, a final-frame amount), which is always a finite decimal. */
  static fromDecimal(value: Decimal): Ratio {
    // Checked before toFixed, which would write out every digit of an absurd exponent.
    if (!value.isFinite() || Math.abs(value.e) > ratio_decimal_digits_max)
      throw new RangeError(`not a finite decimal within ${ratio_decimal_digits_max} digits`);
    return Ratio.parse(value.toFixed());
  }

  /**
   * The ratios as integers over one common denominator (the least): integers with the same
   * proportions, so a split can work in integer arithmetic only.
   */
  static onCommonDenominator(values: readonly Ratio[]): { numerators: bigint[]; denominator: bigint } {
    const denominator = values.reduce((lcm, { denominator: d }) => (lcm / gcd(lcm, d)) * d, 1n);
    return { numerators: values.map((value) => value.numerator * (denominator / value.denominator)), denominator };
  }

  static sum(values: Iterable<Ratio>): Ratio {
    let total = Ratio.zero;
    for (const value of values) total = total.plus(value);
    return total;
  }

  plus(other: Ratio): Ratio {
    return Ratio.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  times(other: Ratio): Ratio {
    return Ratio.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  dividedBy(other: Ratio): Ratio {
    if (other.isZero()) throw new RangeError('division by a zero ratio');
    return Ratio.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  /** -1, 0 or 1; denominators are positive, so cross-multiplying keeps the order. */
  compare(other: Ratio): -1 | 0 | 1 {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  isNegative(): boolean {
    return this.numerator < 0n;
  }

  /**
   * For display only: the value rounded half away from zero to `places` decimals, the rounding
   * the money type uses. Anything computed goes on with the exact ratio.
   */
  toDecimal(places: number): Decimal {
    if (!Number.isInteger(places) || places < 0 || places > ratio_decimal_digits_max)
      throw new RangeError(`decimal places must be 0–${ratio_decimal_digits_max}`);
    const scaled = (this.numerator < 0n ? -this.numerator : this.numerator) * 10n ** BigInt(places);
    let rounded = scaled / this.denominator;
    if (2n * (scaled % this.denominator) >= this.denominator) rounded += 1n;
    return new Decimal(`${this.isNegative() ? '-' : ''}${rounded}e-${places}`);
  }
}

/**
 * The portal's only arithmetic on money: exact sums in whole öre (BigInt), never floats.
 */

/** Sums decimal strings with two places exactly; null if one is not such an amount. */
export function sumAmounts(values: readonly string[]): string | null {
  let ore = 0n;
  for (const value of values) {
    const match = /^(-)?(\d+)\.(\d{2})$/.exec(value);
    if (!match) return null;
    const magnitude = BigInt(match[2]! + match[3]!);
    ore += match[1] ? -magnitude : magnitude;
  }
  const negative = ore < 0n;
  const digits = (negative ? -ore : ore).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

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

/** "1250.00" → "-1250.00" and back; a credit is a negative amount in the ledger. */
export function negateAmount(value: string): string {
  if (/^-?0+\.00$/.test(value)) return value.replace('-', '');
  return value.startsWith('-') ? value.slice(1) : `-${value}`;
}

/** "-1250.00" → "1250.00": the size of an amount, e.g. of a credit shown in its own column. */
export function absoluteAmount(value: string): string {
  return value.startsWith('-') ? value.slice(1) : value;
}

export const isNegativeAmount = (value: string) => value.startsWith('-') && !/^-0+\.00$/.test(value);

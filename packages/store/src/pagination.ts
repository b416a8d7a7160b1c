import { invalid } from '@finsam/domain';

/** The most items one page returns; callers may ask for fewer, never more. */
export const page_items_max = 100;

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Absent on the last page. */
  nextCursor?: string | undefined;
}

export function encodeCursor(lastKey: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, partition: { name: string; value: string }): Record<string, unknown> {
  const refuse = () => invalid('Ogiltig sidmarkör.', [{ field: 'cursor', message: 'Sidmarkören är ogiltig.' }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (typeof decoded !== 'object' || decoded === null) throw refuse();
  const key = decoded as Record<string, unknown>;
  if (key[partition.name] !== partition.value) throw refuse();
  for (const value of Object.values(key)) if (typeof value !== 'string') throw refuse();
  return key;
}

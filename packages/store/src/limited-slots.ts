import { conflict } from '@finsam/domain';
import { isLostRace, type Table } from './table.ts';
import { newWriteToken } from './write-token.ts';

/**
 * An exact limit on how many of something may exist (a member's webhook subscriptions, a
 * förbund's people) without transactions. Counting the items and then writing one lets several
 * writers past the limit together; instead each one first claims a place on one counter item,
 * a map from the thing's id to when it was claimed, with a single conditional update that
 * succeeds only while the map holds fewer than `max` places. The thing is written after its
 * claim, and its place is released when it is removed.
 *
 * A writer that stops between the claim and the thing's own write leaves a place taken by
 * nothing. When the limit is reached, places older than `stale_claim_ms` whose thing does not
 * exist are released and the claim is tried once more, so such a place is never lost for good.
 * A claim carries its own token, so a writer that fails gives back only its own place, never one
 * another writer holds for the same id.
 */
export interface LimitedSlotsOptions {
  partition: string;
  sortKey: string;
  max: number;
  /** The refusal when every place is taken, in Swedish, naming the limit. */
  fullMessage: string;
  /** Whether the thing a place was claimed for exists (to release a writer's abandoned place). */
  exists: (id: string) => Promise<boolean>;
  /** The things that exist already when the counter is first written (data from before it). */
  existing: () => Promise<string[]>;
}

/** Long enough for any writer between its claim and its write, Lambda timeouts included. */
const stale_claim_ms = 15 * 60_000;
const slots_attribute = 'slots';

interface Claim {
  at: string;
  /** Whose claim: only its claimer gives a place back that it could not use. */
  token: string;
}

export class LimitedSlots {
  constructor(
    private readonly table: Table,
    private readonly options: LimitedSlotsOptions,
  ) {}

  /**
   * Takes a place for `id` and returns the claim's token, or refuses with a conflict: every
   * place is taken (`fullMessage`), or `id` holds one already (`heldMessage`: it exists, or
   * another writer is making it).
   */
  async claim(id: string, at: Date, heldMessage: string): Promise<string> {
    await this.ensureCounter(at);
    const token = newWriteToken();
    for (let round = 0; round < 2; round++) {
      if (await this.tryClaim(id, { at: at.toISOString(), token })) return token;
      const slots = await this.slots();
      if (id in slots) throw conflict(heldMessage);
      if (round === 0 && (await this.releaseAbandoned(slots, at)) === 0) break;
    }
    throw conflict(this.options.fullMessage);
  }

  /** Gives back a place the claim with `token` could not use (the thing was never written). */
  async giveBack(id: string, token: string): Promise<void> {
    await this.remove(id, '#slots.#id.#token = :token', { ':token': token });
  }

  /** Frees `id`'s place when the thing is removed; nothing happens when it has none. */
  async release(id: string): Promise<void> {
    await this.remove(id);
  }

  /** The ids holding a place now. */
  async holders(): Promise<string[]> {
    return Object.keys(await this.slots());
  }

  private key() {
    return { PK: this.options.partition, SK: this.options.sortKey };
  }

  private async slots(): Promise<Record<string, Claim>> {
    const counter = await this.table.get(this.options.partition, this.options.sortKey);
    return (counter?.[slots_attribute] as Record<string, Claim> | undefined) ?? {};
  }

  private async remove(id: string, condition?: string, values?: Record<string, unknown>): Promise<void> {
    try {
      await this.table.update(
        {
          Key: this.key(),
          UpdateExpression: 'REMOVE #slots.#id',
          // Without a counter there is no place to give back (and no item is to be made).
          ConditionExpression: ['attribute_exists(#slots)', condition].filter(Boolean).join(' AND '),
          ExpressionAttributeNames: {
            '#slots': slots_attribute,
            '#id': id,
            ...(condition ? { '#token': 'token' } : {}),
          },
          ...(values ? { ExpressionAttributeValues: values } : {}),
        },
        'Platsen kunde inte lämnas tillbaka.',
      );
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }

  /**
   * The counter item, written once with the things that already exist (a nested path needs its
   * map to exist, and data from before the counter must count).
   */
  private async ensureCounter(at: Date): Promise<void> {
    if (await this.table.get(this.options.partition, this.options.sortKey)) return;
    const claim: Claim = { at: at.toISOString(), token: 'existing' };
    const slots = Object.fromEntries((await this.options.existing()).map((id) => [id, claim]));
    try {
      await this.table.putNew({ ...this.key(), kind: 'limit', [slots_attribute]: slots }, 'Finns redan.');
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }

  private async tryClaim(id: string, claim: Claim): Promise<boolean> {
    try {
      await this.table.update(
        {
          Key: this.key(),
          UpdateExpression: 'SET #slots.#id = :claim',
          ConditionExpression: 'attribute_not_exists(#slots.#id) AND size(#slots) < :max',
          ExpressionAttributeNames: { '#slots': slots_attribute, '#id': id },
          ExpressionAttributeValues: { ':claim': claim, ':max': this.options.max },
        },
        this.options.fullMessage,
      );
      return true;
    } catch (error) {
      if (isLostRace(error)) return false;
      throw error;
    }
  }

  /** Releases places claimed long ago for things that never came to exist; how many. */
  private async releaseAbandoned(slots: Record<string, Claim>, at: Date): Promise<number> {
    let released = 0;
    for (const [id, claim] of Object.entries(slots)) {
      if (at.getTime() - Date.parse(claim.at) < stale_claim_ms) continue;
      if (await this.options.exists(id)) continue;
      await this.giveBack(id, claim.token);
      released += 1;
    }
    return released;
  }
}

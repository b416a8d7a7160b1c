import { FinsamError, notFound, type Principal } from '@finsam/domain';
import {
  type AuditRepository,
  decode,
  type EventType,
  encode,
  LimitedSlots,
  memberNameIn,
  type Table,
  type TenantPartition,
} from '@finsam/store';
import { ulid } from 'ulidx';
import { memberPartition } from './access.ts';
import { webhookKeys } from './keys.ts';
import type { SecretSealer } from './secret-sealer.ts';
import { generateSecret } from './signing.ts';
import {
  type DisabledReason,
  hasPlaintextSecret,
  type Subscription,
  subscriptionItem,
  subscriptions_per_member_max,
  subscriptionView,
} from './subscription-items.ts';

export interface NewSubscription {
  url: string;
  eventTypes: EventType[];
  description?: string | undefined;
  enabled?: boolean | undefined;
}

export interface SubscriptionChanges {
  url?: string | undefined;
  eventTypes?: EventType[] | undefined;
  description?: string | undefined;
  enabled?: boolean | undefined;
}

const toSubscription = (item: Record<string, unknown>): Subscription => {
  const { PK: _pk, SK: _sk, kind: _kind, ...subscription } = decode(subscriptionItem, item);
  return subscription;
};
const changedByOther = 'Prenumerationen har ändrats av någon annan. Läs in den igen och gör om ändringen.';

/**
 * Webhook subscriptions under the tenant partition, one item each (`SUB#<memberId>#<id>`).
 * Changes use optimistic locking on `version`, and every change writes an audit item. Secrets
 * are sealed before they are written (secret-sealer.ts); a plaintext one read from an older item
 * is sealed by the next write.
 */
export class SubscriptionRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
    private readonly sealer: SecretSealer,
  ) {}

  /** Creates a subscription; the secret is returned here and never again. */
  async create(principal: Principal, forbundId: string, memberId: string, input: NewSubscription, at: Date) {
    const partition = memberPartition(principal, forbundId, memberId);
    const id = ulid(at.getTime());
    // The place first, then the subscription: the limit holds with any number of writers at once.
    const places = this.places(partition, memberId);
    const place = await places.claim(id, at, 'Prenumerationen finns redan.');
    const secret = generateSecret();
    const sealed = await this.sealer.seal(secret, { forbundId, memberId, subscriptionId: id }).catch(async (error) => {
      await places.giveBack(id, place);
      throw error;
    });
    const stamp = at.toISOString();
    const item = encode(subscriptionItem, {
      PK: partition,
      SK: webhookKeys.subscription(memberId, id),
      kind: 'webhook-subscription',
      id,
      forbundId,
      memberId,
      url: input.url,
      eventTypes: [...new Set(input.eventTypes)],
      ...(input.description ? { description: input.description } : {}),
      enabled: input.enabled ?? true,
      ...(input.enabled === false ? { disabledAt: stamp, disabledReason: 'manual' } : {}),
      secrets: [{ sealed, createdAt: stamp }],
      version: 1,
      createdAt: stamp,
      createdBy: principal.subject,
      updatedAt: stamp,
    });
    await this.table.putNew(item, 'Prenumerationen finns redan.');
    const created = toSubscription(item);
    await this.record(
      partition,
      principal.subject,
      at,
      'webhook.created',
      created,
      undefined,
      (member) => `Webbhook för ${member} skapad till ${origin(created.url)}${created.enabled ? '' : ', avstängd'}`,
    );
    return { subscription: subscriptionView(created), secret };
  }

  async get(principal: Principal, forbundId: string, memberId: string, id: string): Promise<Subscription> {
    return this.load(memberPartition(principal, forbundId, memberId), memberId, id);
  }

  async list(principal: Principal, forbundId: string, memberId: string) {
    const partition = memberPartition(principal, forbundId, memberId);
    return { items: (await this.forMember(partition, memberId)).map(subscriptionView) };
  }

  async update(
    principal: Principal,
    forbundId: string,
    memberId: string,
    id: string,
    changes: SubscriptionChanges,
    expectedVersion: number,
    at: Date,
  ) {
    const partition = memberPartition(principal, forbundId, memberId);
    const current = await this.load(partition, memberId, id);
    const stamp = at.toISOString();
    const enabled = changes.enabled ?? current.enabled;
    const next: Subscription = {
      ...current,
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.eventTypes !== undefined ? { eventTypes: [...new Set(changes.eventTypes)] } : {}),
      ...(changes.description !== undefined ? { description: changes.description || undefined } : {}),
      enabled,
      disabledAt: enabled ? undefined : current.enabled ? stamp : current.disabledAt,
      disabledReason: enabled ? undefined : current.enabled ? 'manual' : current.disabledReason,
      version: expectedVersion + 1,
      updatedAt: stamp,
    };
    await this.write(partition, next, expectedVersion);
    await this.record(
      partition,
      principal.subject,
      at,
      'webhook.updated',
      next,
      expectedVersion,
      (member) =>
        `Webbhook för ${member}${next.url === current.url ? ` (${origin(next.url)})` : ''}: ${subscriptionChanges(current, next)}`,
    );
    return subscriptionView(next);
  }

  /** A new current secret; the previous one keeps signing until `overlapMs` from now. */
  async rotate(
    principal: Principal,
    forbundId: string,
    memberId: string,
    id: string,
    overlapMs: number,
    expectedVersion: number,
    at: Date,
  ) {
    const partition = memberPartition(principal, forbundId, memberId);
    const current = await this.load(partition, memberId, id);
    const secret = generateSecret();
    const sealed = await this.sealer.seal(secret, { forbundId, memberId, subscriptionId: id });
    const [previous] = current.secrets as [Subscription['secrets'][number]];
    const stamp = at.toISOString();
    const next: Subscription = {
      ...current,
      secrets: [
        { sealed, createdAt: stamp },
        ...(overlapMs > 0 ? [{ ...previous, retiresAt: new Date(at.getTime() + overlapMs).toISOString() }] : []),
      ],
      version: expectedVersion + 1,
      updatedAt: stamp,
    };
    await this.write(partition, next, expectedVersion);
    const retires = next.secrets[1]?.retiresAt;
    await this.record(
      partition,
      principal.subject,
      at,
      'webhook.secret-rotated',
      next,
      expectedVersion,
      (member) =>
        `Webbhook för ${member} (${origin(next.url)}): ny hemlighet, ${retires ? `den förra gäller till ${retires.slice(0, 16).replace('T', ' ')} UTC` : 'den förra slutade gälla direkt'}`,
    );
    return { subscription: subscriptionView(next), secret };
  }

  /** Deleting keeps the item, disabled, so its delivery log stays readable. */
  async remove(principal: Principal, forbundId: string, memberId: string, id: string, at: Date) {
    const partition = memberPartition(principal, forbundId, memberId);
    const current = await this.load(partition, memberId, id);
    const next = await this.disable(partition, current, 'deleted', at, principal.subject);
    // A deleted subscription stays readable (its delivery log) but no longer takes a place.
    await this.places(partition, memberId).release(id);
    return subscriptionView(next);
  }

  /** The member's places for subscriptions that are not deleted (disabled ones count). */
  private places(partition: TenantPartition, memberId: string): LimitedSlots {
    const live = async () =>
      (await this.forMember(partition, memberId)).filter((subscription) => subscription.disabledReason !== 'deleted');
    return new LimitedSlots(this.table, {
      partition,
      sortKey: webhookKeys.subscriptionLimit(memberId),
      max: subscriptions_per_member_max,
      fullMessage: `En medlem kan ha högst ${subscriptions_per_member_max} webhookprenumerationer.`,
      exists: async (id) => (await live()).some((subscription) => subscription.id === id),
      existing: async () => (await live()).map((subscription) => subscription.id),
    });
  }

  /** Every subscription of one member (bounded by `subscriptions_per_member_max`, plus deleted ones). */
  async forMember(partition: TenantPartition, memberId: string): Promise<Subscription[]> {
    return this.all(partition, webhookKeys.memberSubscriptionsPrefix(memberId));
  }

  /** Every subscription of a förbund, for the local relay. */
  async inForbund(partition: TenantPartition): Promise<Subscription[]> {
    return this.all(partition, webhookKeys.subscriptionsPrefix);
  }

  /** Turns a subscription off for `reason`; a lost race with a user's change is retried once. */
  async disable(
    partition: TenantPartition,
    subscription: Subscription,
    reason: DisabledReason,
    at: Date,
    actor: string,
  ): Promise<Subscription> {
    let current = subscription;
    for (let round = 0; ; round++) {
      if (!current.enabled && current.disabledReason === reason) return current;
      const stamp = at.toISOString();
      const next: Subscription = {
        ...current,
        enabled: false,
        disabledAt: current.enabled ? stamp : (current.disabledAt ?? stamp),
        disabledReason: reason,
        version: current.version + 1,
        updatedAt: stamp,
      };
      try {
        const written = await this.write(partition, next, current.version);
        await this.record(
          partition,
          actor,
          at,
          `webhook.disabled.${reason}`,
          written,
          current.version,
          (member) => `Webbhook för ${member} (${origin(written.url)}) ${disabledSummaries[reason]}`,
        );
        return written;
      } catch (error) {
        if (round >= 1 || !(error instanceof FinsamError && error.kind === 'conflict')) throw error;
        current = await this.load(partition, current.memberId, current.id);
      }
    }
  }

  /**
   * Seals the plaintext secrets of an item written before sealing, with no other change. Called
   * by the delivery worker when it signs with one; a concurrent change wins (and seals them too).
   */
  async sealPlaintextSecrets(partition: TenantPartition, subscription: Subscription, at: Date, actor: string) {
    if (!hasPlaintextSecret(subscription)) return subscription;
    const next: Subscription = { ...subscription, version: subscription.version + 1, updatedAt: at.toISOString() };
    try {
      const written = await this.write(partition, next, subscription.version);
      await this.record(
        partition,
        actor,
        at,
        'webhook.secrets-sealed',
        written,
        subscription.version,
        (member) => `Webbhook för ${member} (${origin(written.url)}): hemligheterna krypterade`,
      );
      return written;
    } catch (error) {
      if (error instanceof FinsamError && error.kind === 'conflict') return subscription;
      throw error;
    }
  }

  private async all(partition: TenantPartition, prefix: string): Promise<Subscription[]> {
    const subscriptions: Subscription[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.queryPrefix(partition, prefix, { ...(cursor ? { cursor } : {}) });
      subscriptions.push(...page.items.map(toSubscription));
      cursor = page.nextCursor;
    } while (cursor);
    return subscriptions;
  }

  private async load(partition: TenantPartition, memberId: string, id: string): Promise<Subscription> {
    if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) throw notFound('Prenumerationen finns inte.');
    const item = await this.table.get(partition, webhookKeys.subscription(memberId, id));
    if (!item) throw notFound('Prenumerationen finns inte.');
    return toSubscription(item);
  }

  /** Writes a subscription with every secret sealed; returns what was written. */
  private async write(partition: TenantPartition, subscription: Subscription, expectedVersion: number) {
    const owner = {
      forbundId: subscription.forbundId,
      memberId: subscription.memberId,
      subscriptionId: subscription.id,
    };
    const secrets = await Promise.all(
      subscription.secrets.map(async ({ value, ...secret }) =>
        value === undefined ? secret : { ...secret, sealed: await this.sealer.seal(value, owner) },
      ),
    );
    const item = encode(subscriptionItem, {
      ...subscription,
      secrets,
      PK: partition,
      SK: webhookKeys.subscription(subscription.memberId, subscription.id),
      kind: 'webhook-subscription',
    });
    await this.table.put(
      item,
      'attribute_exists(PK) AND version = :expected',
      { ':expected': expectedVersion },
      changedByOther,
    );
    return toSubscription(item);
  }

  /** The item names the member by its name in the förbundsordning, as a person reads it. */
  private async record(
    partition: TenantPartition,
    actor: string,
    at: Date,
    action: string,
    subscription: Subscription,
    versionBefore: number | undefined,
    summary: (memberName: string) => string,
  ) {
    const member = await memberNameIn(this.table, partition, subscription.memberId);
    return this.audit.record(partition, at, {
      actor,
      action,
      entity: webhookKeys.subscription(subscription.memberId, subscription.id),
      ...(versionBefore !== undefined ? { versionBefore } : {}),
      versionAfter: subscription.version,
      summary: summary(member).slice(0, 500),
    });
  }
}

/**
 * The address as the audit trail shows it: scheme and host only, since a URL's path or query may
 * carry the receiver's own token.
 */
function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'okänd adress';
  }
}

const disabledSummaries: Record<DisabledReason, string> = {
  manual: 'avstängd',
  deleted: 'borttagen; leveransloggen finns kvar',
  'retry-window-exhausted': 'avstängd automatiskt: mottagaren svarade inte under hela omförsöksfönstret',
};

/** What a change did, in Swedish: "adressen ändrad till https://…, beskrivningen ändrad". */
function subscriptionChanges(before: Subscription, after: Subscription): string {
  const changes: string[] = [];
  if (after.url !== before.url) changes.push(`adressen ändrad till ${origin(after.url)}`);
  const sameEvents =
    after.eventTypes.length === before.eventTypes.length &&
    after.eventTypes.every((type) => before.eventTypes.includes(type));
  if (!sameEvents) changes.push(`händelsetyperna ändrade (${after.eventTypes.length} st.)`);
  if ((after.description ?? '') !== (before.description ?? ''))
    changes.push(after.description ? 'beskrivningen ändrad' : 'beskrivningen borttagen');
  if (after.enabled !== before.enabled) changes.push(after.enabled ? 'påslagen' : 'avstängd');
  return changes.length === 0 ? 'sparad utan ändring' : changes.join(', ');
}

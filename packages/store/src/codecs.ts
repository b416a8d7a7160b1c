import { charterSettingsSchema, forbundProfileSchema, invalid, isoDate, memberSchema, roles } from '@finsam/domain';
import { z } from 'zod';
import type { Item } from './table.ts';

/**
 * Item codecs: every item is validated with zod when written and again when read, so a
 * corrupt or foreign item never reaches the domain (TIGER_STYLE: check before writing, again
 * after reading).
 */
const timestamp = z.iso.datetime({ offset: true });
const keyed = { PK: z.string(), SK: z.string() };

export const forbundItem = z.object({
  ...keyed,
  GSI1PK: z.literal('FORBUND'),
  GSI1SK: z.string(),
  kind: z.literal('forbund'),
  id: z.string(),
  ...forbundProfileSchema.shape,
  version: z.number().int().positive(),
  createdAt: timestamp,
  createdBy: z.string(),
  updatedAt: timestamp,
});
export type ForbundItem = z.infer<typeof forbundItem>;

export const charterItem = z.object({
  ...keyed,
  kind: z.literal('charter'),
  forbundId: z.string(),
  version: z.number().int().positive(),
  effectiveFrom: isoDate,
  decisionReference: z.string().optional(),
  members: z.array(memberSchema),
  settings: charterSettingsSchema,
  createdAt: timestamp,
  createdBy: z.string(),
});
export type CharterItem = z.infer<typeof charterItem>;

export const auditItem = z.object({
  ...keyed,
  kind: z.literal('audit'),
  id: z.string(),
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  /** The sort key of what changed, and its version before and after where it has one. */
  entity: z.string(),
  versionBefore: z.number().int().optional(),
  versionAfter: z.number().int().optional(),
  summary: z.string().max(500).optional(),
});
export type AuditItem = z.infer<typeof auditItem>;

export const userItem = z.object({
  ...keyed,
  kind: z.literal('user'),
  username: z.string(),
  name: z.string(),
  passwordHash: z.string(),
  roles: z.array(z.enum(roles)).min(1),
  forbundId: z.string().optional(),
  memberId: z.string().optional(),
  createdAt: timestamp,
});
export type UserItem = z.infer<typeof userItem>;

export function encode<T extends z.ZodType>(codec: T, value: z.input<T>): Item {
  return codec.parse(value) as Item;
}

export function decode<T extends z.ZodType>(codec: T, item: Item): z.output<T> {
  const result = codec.safeParse(item);
  // A stored item that fails its codec is corruption, not user error: fail loudly.
  if (!result.success) throw new Error(`stored item ${item.PK}/${item.SK} fails its codec: ${result.error.message}`);
  return result.data;
}

/** Strips the storage keys before an item leaves the store. */
export function withoutKeys<T extends Record<string, unknown>>(item: T) {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, kind: _kind, ...rest } = item;
  return rest;
}

export { invalid };

import { keys, type TenantPartition } from './keys.ts';
import type { Table } from './table.ts';

/**
 * A member's name as the newest förbundsordning gives it, for an audit item a person reads
 * ("Samrådssvar från Alfa kommun"), never the member's id; the id if no version names it.
 */
export async function memberNameIn(table: Table, partition: TenantPartition, memberId: string): Promise<string> {
  const page = await table.queryPrefix(partition, keys.charterPrefix, { limit: 1, newestFirst: true });
  const members = (page.items[0]?.members ?? []) as { id?: unknown; name?: unknown }[];
  const name = members.find((member) => member.id === memberId)?.name;
  return typeof name === 'string' && name ? name : memberId;
}

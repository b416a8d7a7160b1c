import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { conflict, FinsamError, notFound } from '@finsam/domain';
import { gsi1IndexName, tableKeyNames } from './keys.ts';
import { CursorCodec, type CursorScope, type Page, page_items_max, processCursorKey } from './pagination.ts';
import {
  newWriteToken,
  rawToken,
  sdkAttempts,
  token_value,
  tokenNames,
  withTokenAssignment,
  write_token_attribute,
} from './write-token.ts';

export type Item = Record<string, unknown>;

export interface TableConfig {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /**
   * Key material the pagination cursor key is derived from (HKDF, its own label). In AWS the
   * document-link secret; locally the runtime's key file. Without it a key made at start.
   */
  cursorKeyMaterial?: (() => Promise<Uint8Array>) | undefined;
}

/** Consumed capacity is summed here so benchmarks can convert a förbund-year into cost. */
export interface CapacityMeter {
  readUnits: number;
  writeUnits: number;
}

/**
 * The logical operation a write belongs to (see write-token.ts). Without one, each call is its
 * own operation; a caller passes its own token when several calls, or another writer completing
 * its work, must be recognised as the same operation.
 */
export interface WriteOptions {
  token?: string | undefined;
}

/**
 * A thin layer over the one DynamoDB table: gets, conditional puts and updates, paged queries.
 * It knows keys and conditions, never business rules. Conditional-check failures become a
 * `conflict` with the caller's message, so a lost race is a 409 and never a 500; a failure that
 * meets the write's own token is the SDK's retry of a write that had committed, and succeeds.
 */
export class Table {
  readonly documents: DynamoDBDocumentClient;
  readonly capacity: CapacityMeter = { readUnits: 0, writeUnits: 0 };
  readonly cursors: CursorCodec;

  constructor(readonly config: TableConfig) {
    this.cursors = new CursorCodec(config.cursorKeyMaterial ?? processCursorKey());
    this.documents =
      config.client instanceof DynamoDBDocumentClient
        ? config.client
        : DynamoDBDocumentClient.from(config.client, { marshallOptions: { removeUndefinedValues: true } });
  }

  get name() {
    return this.config.tableName;
  }

  async get(partition: string, sort: string, consistent = true): Promise<Item | undefined> {
    const result = await this.documents.send(
      new GetCommand({
        TableName: this.name,
        Key: { [tableKeyNames.partition]: partition, [tableKeyNames.sort]: sort },
        ConsistentRead: consistent,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.capacity.readUnits += result.ConsumedCapacity?.CapacityUnits ?? 0;
    return result.Item;
  }

  /** Puts an item that must not exist yet; `conflictMessage` explains a lost race to the user. */
  async putNew(item: Item, conflictMessage: string, options: WriteOptions = {}): Promise<void> {
    await this.put(item, `attribute_not_exists(${tableKeyNames.partition})`, undefined, conflictMessage, options);
  }

  async put(
    item: Item,
    condition?: string,
    values?: Record<string, unknown>,
    conflictMessage = 'Uppgiften har ändrats av någon annan.',
    options: WriteOptions = {},
  ): Promise<void> {
    const token = options.token ?? newWriteToken();
    try {
      const result = await this.documents.send(
        new PutCommand({
          TableName: this.name,
          Item: { ...item, [write_token_attribute]: token },
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ...(condition ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.capacity.writeUnits += result.ConsumedCapacity?.CapacityUnits ?? 0;
    } catch (error) {
      const key = { partition: String(item[tableKeyNames.partition]), sort: String(item[tableKeyNames.sort]) };
      if (await this.isOwnWrite(error, key, token, options.token !== undefined)) return;
      throw translateConditionFailure(error, conflictMessage);
    }
  }

  /**
   * Whether a failed condition met this operation's own earlier write. Only then can the item
   * carry the token: with a token made for this call, that needs an earlier attempt by the SDK;
   * a caller's token may also have been written by another writer completing the operation.
   */
  private async isOwnWrite(
    error: unknown,
    key: { partition: string; sort: string },
    token: string,
    tokenFromCaller: boolean,
  ): Promise<boolean> {
    if (!isConditionFailure(error)) return false;
    if (!tokenFromCaller && sdkAttempts(error) < 2) return false;
    // DynamoDB hands back the item it met (ALL_OLD); where it does not (dynalite), read it.
    const returned = (error as { Item?: unknown }).Item;
    const met = returned ? rawToken(returned) : (await this.get(key.partition, key.sort))?.[write_token_attribute];
    return met === token;
  }

  /**
   * Deletes an item that must exist; `notFoundMessage` answers one that is already gone. A delete
   * the SDK retried may have removed the item itself on an earlier attempt: gone is what was
   * asked for, so only a first attempt that finds nothing is a 404.
   */
  async deleteExisting(partition: string, sort: string, notFoundMessage: string): Promise<void> {
    try {
      const result = await this.documents.send(
        new DeleteCommand({
          TableName: this.name,
          Key: { [tableKeyNames.partition]: partition, [tableKeyNames.sort]: sort },
          ConditionExpression: `attribute_exists(${tableKeyNames.partition})`,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.capacity.writeUnits += result.ConsumedCapacity?.CapacityUnits ?? 0;
    } catch (error) {
      if (isConditionFailure(error) && sdkAttempts(error) > 1) return;
      throw isConditionFailure(error) ? notFound(notFoundMessage) : error;
    }
  }

  /**
   * An update, returning the item as it is afterwards. A conditional update also sets the write
   * token, so that its retry after a lost response is recognised like a put's. (Unconditional
   * updates are SET, idempotent as they are, or ADD on counters that may skip and never count.)
   */
  async update(
    input: Omit<UpdateCommandInput, 'TableName'>,
    conflictMessage: string,
    options: WriteOptions = {},
  ): Promise<Item | undefined> {
    const token = options.token ?? newWriteToken();
    const conditional = input.ConditionExpression !== undefined;
    const command = conditional
      ? {
          ...input,
          UpdateExpression: withTokenAssignment(input.UpdateExpression ?? ''),
          ExpressionAttributeNames: { ...input.ExpressionAttributeNames, ...tokenNames },
          ExpressionAttributeValues: { ...input.ExpressionAttributeValues, [token_value]: token },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        }
      : input;
    try {
      const result = await this.documents.send(
        new UpdateCommand({
          ...command,
          TableName: this.name,
          ReturnValues: 'ALL_NEW',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.capacity.writeUnits += result.ConsumedCapacity?.CapacityUnits ?? 0;
      return result.Attributes;
    } catch (error) {
      const key = input.Key as Item;
      const at = { partition: String(key[tableKeyNames.partition]), sort: String(key[tableKeyNames.sort]) };
      if (conditional && (await this.isOwnWrite(error, at, token, options.token !== undefined)))
        return this.get(at.partition, at.sort);
      throw translateConditionFailure(error, conflictMessage);
    }
  }

  /**
   * One page of a query. The cursor is opaque to clients but checked here: a cursor that points
   * into another partition than the one queried is refused, so it cannot cross tenants.
   */
  async queryPage(
    input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
    partition: { name: string; value: string },
    options: { limit?: number; cursor?: string | undefined } = {},
  ): Promise<Page<Item>> {
    const limit = Math.min(Math.max(options.limit ?? page_items_max, 1), page_items_max);
    const prefix = input.ExpressionAttributeValues?.[':prefix'];
    const scope: CursorScope = {
      partition,
      index: input.IndexName,
      prefix: typeof prefix === 'string' ? prefix : undefined,
    };
    const start = options.cursor ? await this.cursors.open(options.cursor, scope) : undefined;
    const result = await this.documents.send(
      new QueryCommand({
        ...input,
        TableName: this.name,
        Limit: limit,
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.capacity.readUnits += result.ConsumedCapacity?.CapacityUnits ?? 0;
    return {
      items: result.Items ?? [],
      nextCursor: result.LastEvaluatedKey ? await this.cursors.seal(result.LastEvaluatedKey, scope) : undefined,
    };
  }

  /** Every item under a sort-key prefix in one partition, newest first when `newestFirst`. */
  queryPrefix(partition: string, prefix: string, options: { limit?: number; cursor?: string; newestFirst?: boolean }) {
    return this.queryPage(
      {
        KeyConditionExpression: '#pk = :pk and begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': tableKeyNames.partition, '#sk': tableKeyNames.sort },
        ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
        ScanIndexForward: !options.newestFirst,
        ConsistentRead: true,
      },
      { name: tableKeyNames.partition, value: partition },
      options,
    );
  }

  queryIndex(partition: string, options: { limit?: number; cursor?: string }) {
    return this.queryPage(
      {
        IndexName: gsi1IndexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': tableKeyNames.gsi1Partition },
        ExpressionAttributeValues: { ':pk': partition },
      },
      { name: tableKeyNames.gsi1Partition, value: partition },
      options,
    );
  }
}

/** A conditional write that lost to an earlier one: for "write once" items, the goal is met. */
export function isLostRace(error: unknown): boolean {
  return error instanceof FinsamError && error.kind === 'conflict';
}

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/**
 * A lost race whose write the SDK had sent more than once: one of its attempts may have committed
 * before another write changed the item again, so the caller's own record of the operation
 * decides. A race lost on the first attempt is certainly lost.
 */
export function isRetriedLostRace(error: unknown): boolean {
  return isLostRace(error) && sdkAttempts((error as Error).cause) > 1;
}

function translateConditionFailure(error: unknown, message: string): unknown {
  return isConditionFailure(error) ? Object.assign(conflict(message), { cause: error }) : error;
}

export function createTable(config: TableConfig): Table {
  return new Table(config);
}

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
import { decodeCursor, encodeCursor, type Page, page_items_max } from './pagination.ts';

export type Item = Record<string, unknown>;

export interface TableConfig {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
}

/** Consumed capacity is summed here so benchmarks can convert a förbund-year into cost. */
export interface CapacityMeter {
  readUnits: number;
  writeUnits: number;
}

/**
 * A thin layer over the one DynamoDB table: gets, conditional puts and updates, paged queries.
 * It knows keys and conditions, never business rules. Conditional-check failures become a
 * `conflict` with the caller's message, so a lost race is a 409 and never a 500.
 */
export class Table {
  readonly documents: DynamoDBDocumentClient;
  readonly capacity: CapacityMeter = { readUnits: 0, writeUnits: 0 };

  constructor(readonly config: TableConfig) {
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
  async putNew(item: Item, conflictMessage: string): Promise<void> {
    await this.put(item, `attribute_not_exists(${tableKeyNames.partition})`, undefined, conflictMessage);
  }

  async put(
    item: Item,
    condition?: string,
    values?: Record<string, unknown>,
    conflictMessage = 'Uppgiften har ändrats av någon annan.',
  ): Promise<void> {
    try {
      const result = await this.documents.send(
        new PutCommand({
          TableName: this.name,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.capacity.writeUnits += result.ConsumedCapacity?.CapacityUnits ?? 0;
    } catch (error) {
      throw translateConditionFailure(error, conflictMessage);
    }
  }

  /** Deletes an item that must exist; `notFoundMessage` answers one that is already gone. */
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
      throw isConditionFailure(error) ? notFound(notFoundMessage) : error;
    }
  }

  async update(input: Omit<UpdateCommandInput, 'TableName'>, conflictMessage: string): Promise<Item | undefined> {
    try {
      const result = await this.documents.send(
        new UpdateCommand({ ...input, TableName: this.name, ReturnValues: 'ALL_NEW', ReturnConsumedCapacity: 'TOTAL' }),
      );
      this.capacity.writeUnits += result.ConsumedCapacity?.CapacityUnits ?? 0;
      return result.Attributes;
    } catch (error) {
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
    const start = options.cursor ? decodeCursor(options.cursor, partition) : undefined;
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
      nextCursor: result.LastEvaluatedKey ? encodeCursor(result.LastEvaluatedKey) : undefined,
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

function translateConditionFailure(error: unknown, message: string): unknown {
  return isConditionFailure(error) ? conflict(message) : error;
}

export function createTable(config: TableConfig): Table {
  return new Table(config);
}

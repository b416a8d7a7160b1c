import { createHash, randomUUID } from 'node:crypto';
import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { LambdaInstance } from './lambda.ts';
import { account, region, type SynthesizedTemplate } from './template.ts';

/**
 * The webhook path as deployed: table stream → EventBridge Pipe (filter) → SQS → the delivery
 * function. None of the three has a local implementation (dynalite has no streams), so this
 * emulates them, with everything that shapes what the function receives taken from the
 * template:
 * - the stream: new items are found by comparing the table with what was seen before, and each
 *   becomes an INSERT record of the table's StreamViewType, shaped as DynamoDB Streams delivers
 *   it to Pipes (eventName, dynamodb.Keys/NewImage/SequenceNumber/StreamViewType, …);
 * - the pipe: the template's filter patterns, applied as EventBridge matches them (a field's
 *   array lists the values it may have); each matching record is sent to the pipe's target
 *   queue as one message whose body is the record's JSON, as Pipes does for an SQS target
 *   without an input template;
 * - SQS and the event source mapping: the messages in batches of the mapping's BatchSize, as
 *   SQS events with the attributes Lambda gives them; with ReportBatchItemFailures the
 *   function's batchItemFailures are the messages SQS would deliver again.
 * Updates and deletes are not emulated: the filter drops them (eventName INSERT only).
 */
export interface Delivered {
  /** Stream records the table produced since the last call (before the filter). */
  records: StreamRecord[];
  /** Messages that reached the queue (after the filter). */
  messages: number;
  /** Every batch's batchItemFailures, as the function returned them. */
  failures: string[];
}

interface StreamRecord {
  eventID: string;
  eventName: 'INSERT';
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: Record<string, AttributeValue>;
    NewImage: Record<string, AttributeValue>;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: string;
  };
  eventSourceARN: string;
}

type Pattern = { [field: string]: Pattern | readonly unknown[] };

/** EventBridge's matching for what our patterns use: nested fields and lists of exact values. */
export function matches(pattern: Pattern, event: unknown): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const value = (event as Record<string, unknown> | undefined)?.[field];
    if (Array.isArray(expected)) {
      if (expected.some((item) => typeof item === 'object' && item !== null))
        throw new Error(`the emulated pipe has no content filters (${JSON.stringify(expected)})`);
      return expected.includes(value as never);
    }
    return typeof value === 'object' && value !== null && matches(expected as Pattern, value);
  });
}

export class EventPath {
  private readonly seen = new Set<string>();
  private sequence = 0;

  constructor(
    private readonly template: SynthesizedTemplate,
    private readonly dynamodb: DynamoDBClient,
    private readonly tableName: string,
    private readonly deliveryFunction: LambdaInstance,
  ) {}

  /** Everything in the table now was written before the stream is read: LATEST, as the pipe starts. */
  async start(): Promise<void> {
    for (const item of await this.items()) this.seen.add(this.identity(item));
  }

  /** Reads the stream from where it was, and carries the records through pipe, queue and function. */
  async deliver(): Promise<Delivered> {
    const [, table] = this.template.single('AWS::DynamoDB::Table');
    const keyNames = (table.Properties.KeySchema as { AttributeName: string }[]).map((key) => key.AttributeName);
    const streamViewType = table.Properties.StreamSpecification.StreamViewType as string;
    const streamArn = `arn:aws:dynamodb:${region}:${account}:table/${this.tableName}/stream/2026-01-01T00:00:00.000`;
    const records: StreamRecord[] = [];
    for (const item of await this.items()) {
      const identity = this.identity(item);
      if (this.seen.has(identity)) continue;
      this.seen.add(identity);
      this.sequence += 1;
      records.push({
        eventID: randomUUID().replaceAll('-', ''),
        eventName: 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: region,
        dynamodb: {
          ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
          Keys: Object.fromEntries(keyNames.map((name) => [name, item[name]!])),
          // NEW_AND_OLD_IMAGES and NEW_IMAGE both carry the new image; an INSERT has no old one.
          NewImage: item,
          SequenceNumber: String(100000000000000000000 + this.sequence),
          SizeBytes: JSON.stringify(item).length,
          StreamViewType: streamViewType,
        },
        eventSourceARN: streamArn,
      });
    }

    const [, pipe] = this.template.single('AWS::Pipes::Pipe');
    const patterns = (pipe.Properties.SourceParameters.FilterCriteria.Filters as { Pattern: string }[]).map(
      ({ Pattern }) => JSON.parse(Pattern) as Pattern,
    );
    const passed = records.filter((record) => patterns.some((pattern) => matches(pattern, record)));
    const queueArn = this.template.resolve(pipe.Properties.Target) as string;

    const [, mapping] = this.template.single(
      'AWS::Lambda::EventSourceMapping',
      (properties) => this.template.resolve(properties.EventSourceArn) === queueArn,
    );
    const batchSize = mapping.Properties.BatchSize as number;
    const reportsFailures = (mapping.Properties.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures');
    const failures: string[] = [];
    for (let start = 0; start < passed.length; start += batchSize) {
      const Records = passed
        .slice(start, start + batchSize)
        .map((record) => sqsRecord(queueArn, JSON.stringify(record)));
      const answer = (await this.deliveryFunction.invoke({ Records })) as {
        batchItemFailures?: { itemIdentifier: string }[];
      } | null;
      if (reportsFailures) failures.push(...(answer?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    }
    return { records, messages: passed.length, failures };
  }

  private identity(item: Record<string, AttributeValue>): string {
    return `${item.PK?.S}\u0000${item.SK?.S}`;
  }

  private async items(): Promise<Record<string, AttributeValue>[]> {
    const items: Record<string, AttributeValue>[] = [];
    let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.dynamodb.send(new ScanCommand({ TableName: this.tableName, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}

/** One SQS message as the Lambda event source mapping hands it to the function. */
function sqsRecord(queueArn: string, body: string) {
  const now = String(Date.now());
  return {
    messageId: randomUUID(),
    receiptHandle: `AQEB${randomUUID().replaceAll('-', '')}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: now,
      SenderId: 'AROAPIPESERVICE:pipe',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

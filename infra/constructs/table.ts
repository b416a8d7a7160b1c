import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  Table as DynamoTable,
  ProjectionType,
  StreamViewType,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/**
 * Key attribute and index names. They must equal `tableKeyNames` and `gsi1IndexName` in
 * @finsam/store, which the local runtime uses to create its table; test/infra checks they do.
 * (infra does not import the store: it imports only handler paths and the cycle definition.)
 */
export const table_keys = {
  partition: 'PK',
  sort: 'SK',
  gsi1Index: 'GSI1',
  gsi1Partition: 'GSI1PK',
  gsi1Sort: 'GSI1SK',
} as const;

/** The single table: every förbund's data under `T#<forbundId>`, published aggregates on GSI1. */
export class Table extends Construct {
  readonly table: DynamoTable;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new DynamoTable(this, 'Table', {
      partitionKey: { name: table_keys.partition, type: AttributeType.STRING },
      sortKey: { name: table_keys.sort, type: AttributeType.STRING },
      // Load is tiny on average and bursts at month and year end; on-demand costs nothing idle.
      billingMode: BillingMode.PAY_PER_REQUEST,
      // A bad deploy or a wrong bulk change can be rolled back to any second of the last 35 days.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The table is the book of record (vouchers, audit trail); no stack change may delete it.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Changes with before and after images, so outbox relays and exports can follow the table
      // without polling it.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      // Only the webhook delivery-attempt log carries `ttl` (400 days); books of record never do.
      timeToLiveAttribute: 'ttl',
    });
    this.table.addGlobalSecondaryIndex({
      indexName: table_keys.gsi1Index,
      partitionKey: { name: table_keys.gsi1Partition, type: AttributeType.STRING },
      sortKey: { name: table_keys.gsi1Sort, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
}

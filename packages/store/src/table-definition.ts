import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { gsi1IndexName, tableKeyNames } from './keys.ts';

/** The table's shape, shared by the local runtime (which creates it) and the CDK construct's tests. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const { partition, sort, gsi1Partition, gsi1Sort } = tableKeyNames;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [partition, sort, gsi1Partition, gsi1Sort].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: partition, KeyType: 'HASH' },
      { AttributeName: sort, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: gsi1IndexName,
        KeySchema: [
          { AttributeName: gsi1Partition, KeyType: 'HASH' },
          { AttributeName: gsi1Sort, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

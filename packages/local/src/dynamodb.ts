import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '@finsam/store';
import dynalite from 'dynalite';

export const local_table_name = 'finsam';

export interface LocalDynamo {
  client: DynamoDBClient;
  endpoint: string;
  close(): Promise<void>;
}

/**
 * dynalite: a real DynamoDB API on LevelDB, persisted in `path` (in memory without one). It
 * listens on loopback only, on a free port, for this process's own client.
 */
export async function startLocalDynamo(path: string | undefined): Promise<LocalDynamo> {
  // Development machines run Node 20 while Lambda runs Node 22; the SDK's notice about future
  // versions needing Node 22 is known (see the README) and would only clutter every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
  await ensureTable(client, local_table_name);
  return {
    client,
    endpoint,
    close: () =>
      new Promise<void>((resolve, reject) => {
        client.destroy();
        // dynalite closes its LevelDB when its server closes, flushing what was written.
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function ensureTable(client: DynamoDBClient, tableName: string) {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
  }
}

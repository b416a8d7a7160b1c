import { type LocalDynamo, local_table_name, seedDemoData, startLocalDynamo } from '@finsam/local';
import { createStores, createTable, type Stores, type Table, type TenantPartition } from '@finsam/store';
import {
  type DeliveryEngine,
  OutboxRelay,
  outbox_settle_ms,
  reconcileOutbox,
  webhookSystemPrincipal,
} from '@finsam/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeliveryEngine } from '../support/delivery-engine.ts';
import { type Receiver, settlement, startReceiver } from '../support/webhook-receiver.ts';

/**
 * Issue 11: outbox events the stream path never fanned out are found and sent. Here the stream
 * path (in AWS: stream → pipe → SQS → fan-out; locally the runtime's relay loop) does not run at
 * all: only the engine the delivery Lambda wraps, over dynalite, with a real receiver verifying
 * every request with standardwebhooks. The reconciliation is the same function the Lambda's
 * ten-minute schedule calls, run by hand at chosen times.
 */
let dynamo: LocalDynamo;
let table: Table;
let stores: Stores;
let engine: DeliveryEngine;
let receiver: Receiver;
const partition = 'T#exempeldalen' as TenantPartition;
const written = new Date('2027-04-01T06:00:00Z');
const minutes = (count: number) => new Date(written.getTime() + count * 60_000);

const newEngine = () => testDeliveryEngine(table);
const requestsFor = (eventId: string) => receiver.requests.filter((request) => request.id === eventId);

beforeAll(async () => {
  dynamo = await startLocalDynamo(undefined);
  table = createTable({ client: dynamo.client, tableName: local_table_name });
  stores = createStores(table);
  await seedDemoData(stores, written);
  engine = newEngine();
  receiver = await startReceiver();
  const { secret } = await engine.subscriptions.create(
    webhookSystemPrincipal,
    'exempeldalen',
    'alfa',
    { url: receiver.url, eventTypes: ['settlement.issued'] },
    minutes(-60),
  );
  receiver.secrets = [secret];
  // Two events written to the outbox; neither reaches the delivery queue on its own.
  await stores.outbox.emit(partition, 'exempeldalen', [settlement('alfa', 3), settlement('alfa', 4)], written);
});
afterAll(async () => {
  await receiver?.close();
  await dynamo?.close();
});

describe('outbox reconciliation', () => {
  const relay = () => new OutboxRelay(table, engine);

  it('leaves events younger than the settle time to the stream path', async () => {
    expect(outbox_settle_ms).toBe(5 * 60_000);
    const outcome = await reconcileOutbox(relay(), engine, minutes(2));
    expect(outcome).toMatchObject({ fannedOut: 0, delivered: 0 });
    expect(receiver.requests).toHaveLength(0);
  });

  it('sends a settled event the stream lost once, and the one it carried not again', async () => {
    // The stream carried April's event: fanned out and sent, as the Lambda's SQS handler does.
    const april = await engine.eventOf('exempeldalen', 'settlement:2027-04:alfa');
    await engine.deliverAll(await engine.fanOut(april, minutes(1)), minutes(1));
    expect(requestsFor('settlement:2027-04:alfa')).toHaveLength(1);

    const shared = relay();
    const outcome = await reconcileOutbox(shared, engine, minutes(6));
    expect(outcome).toMatchObject({ fannedOut: 1, delivered: 1 });
    expect(requestsFor('settlement:2027-03:alfa')).toHaveLength(1);
    expect(requestsFor('settlement:2027-03:alfa')[0]?.verified).toBe(true);

    // Again, by the same process and by a cold one (no memory of what it relayed): nothing new.
    expect(await reconcileOutbox(shared, engine, minutes(16))).toMatchObject({ fannedOut: 0, delivered: 0 });
    expect(await reconcileOutbox(relay(), newEngine(), minutes(26))).toMatchObject({ fannedOut: 0, delivered: 0 });
    expect(requestsFor('settlement:2027-03:alfa')).toHaveLength(1);
    expect(requestsFor('settlement:2027-04:alfa')).toHaveLength(1);
    expect(receiver.accepted.size).toBe(2);
  });

  it('finds an event written after the last run, once it has settled', async () => {
    await stores.outbox.emit(partition, 'exempeldalen', [settlement('alfa', 5)], minutes(30));
    expect(await reconcileOutbox(relay(), engine, minutes(32))).toMatchObject({ fannedOut: 0 });
    expect(await reconcileOutbox(relay(), engine, minutes(36))).toMatchObject({ fannedOut: 1, delivered: 1 });
    expect(await reconcileOutbox(relay(), engine, minutes(46))).toMatchObject({ fannedOut: 0 });
    expect(requestsFor('settlement:2027-05:alfa')).toHaveLength(1);
  });
});

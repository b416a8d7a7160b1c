import { type LocalDynamo, local_table_name, seedDemoData, startLocalDynamo } from '@finsam/local';
import { createStores, createTable, keys, type Stores, type Table, type TenantPartition } from '@finsam/store';
import {
  type DeliveryEngine,
  OutboxRelay,
  relay_gap_grace_ms,
  webhookKeys,
  webhookSystemPrincipal,
} from '@finsam/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeliveryEngine } from '../support/delivery-engine.ts';
import { settlement } from '../support/webhook-receiver.ts';

/**
 * The local relay is the only way events reach members' systems in the local runtime, and the
 * crash test found it losing one now and then: background work (the daily run, a state machine)
 * wrote an event with the time it had read before the simulation moved the virtual clock on by
 * days, after the relay had already read a later event, so the relay's cursor was past it for
 * good. Here the same orders of writes are made by hand over dynalite, with the relay's real time
 * under the test's control.
 */
let dynamo: LocalDynamo;
let table: Table;
let stores: Stores;
let engine: DeliveryEngine;
const partition = 'T#exempeldalen' as TenantPartition;
const day = new Date('2027-04-01T06:00:00Z');
const days = (count: number) => new Date(day.getTime() + count * 86_400_000);

beforeAll(async () => {
  dynamo = await startLocalDynamo(undefined);
  table = createTable({ client: dynamo.client, tableName: local_table_name });
  stores = createStores(table);
  await seedDemoData(stores, day);
  // Nothing listens at the subscription's address: these tests look at what is fanned out, not at what is sent.
  engine = testDeliveryEngine(table);
  await engine.subscriptions.create(
    webhookSystemPrincipal,
    'exempeldalen',
    'alfa',
    { url: 'https://ekonomi.alfa.example/webhooks', eventTypes: ['settlement.issued'] },
    days(-1),
  );
});
afterAll(async () => {
  await dynamo?.close();
});

const fannedOut = (created: readonly unknown[]) => created.length;
const cursorOf = async () => table.get(partition, webhookKeys.relayCursor('alfa'));

describe('the outbox relay and late writers', () => {
  let realTime = 0;
  let shared: OutboxRelay;
  beforeAll(() => {
    shared = new OutboxRelay(table, engine, () => realTime);
  });

  it('relays an event written with an earlier time after a later one was read', async () => {
    await stores.outbox.emit(partition, 'exempeldalen', [settlement('alfa', 4)], days(2));
    expect(fannedOut(await shared.poll(days(2)))).toBe(1);

    // A writer that read its clock two days earlier, writing only now.
    const [late] = await stores.outbox.emit(partition, 'exempeldalen', [settlement('alfa', 3)], days(0));
    const april = await stores.outbox.get(webhookSystemPrincipal, 'exempeldalen', 'settlement:2027-04:alfa');
    expect(late?.sequence).toBe(april.sequence + 1);
    // In the stream it occurred with the event before it, not before it.
    expect(late?.occurredAt).toBe(april.occurredAt);
    expect(fannedOut(await shared.poll(days(2)))).toBe(1);
    expect((await cursorOf())?.sequence).toBe(late?.sequence);
    // Read again, nothing is new.
    expect(fannedOut(await shared.poll(days(2)))).toBe(0);
  });

  it('holds the cursor at a missing number, sends what follows it, and passes the gap after the grace', async () => {
    const before = Number((await cursorOf())?.sequence);
    // A writer numbered an event and died before writing it.
    await table.update(
      {
        Key: { PK: partition, SK: keys.eventSequence('alfa') },
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
      },
      'test',
    );
    const [after] = await stores.outbox.emit(partition, 'exempeldalen', [settlement('alfa', 5)], days(3));
    expect(after?.sequence).toBe(before + 2);

    expect(fannedOut(await shared.poll(days(3)))).toBe(1);
    expect((await cursorOf())?.sequence).toBe(before);
    realTime += relay_gap_grace_ms - 1;
    expect(fannedOut(await shared.poll(days(3)))).toBe(0);
    expect((await cursorOf())?.sequence).toBe(before);
    realTime += 1;
    expect(fannedOut(await shared.poll(days(3)))).toBe(0);
    expect((await cursorOf())?.sequence).toBe(before + 2);

    // And the stream goes on.
    await stores.outbox.emit(partition, 'exempeldalen', [settlement('alfa', 6)], days(4));
    expect(fannedOut(await shared.poll(days(4)))).toBe(1);
    expect((await cursorOf())?.sequence).toBe(before + 3);
  });

  it('gives a relay that starts cold (a restart) the same answers, sending nothing twice', async () => {
    await stores.outbox.emit(partition, 'exempeldalen', [settlement('alfa', 7)], days(1));
    const cold = new OutboxRelay(table, engine, () => realTime);
    expect(fannedOut(await cold.poll(days(4)))).toBe(1);
    expect(fannedOut(await cold.poll(days(4)))).toBe(0);
    expect(fannedOut(await new OutboxRelay(table, engine).poll(days(4)))).toBe(0);
  });
});

import type { Table } from '@finsam/store';
import { DeliveryEngine, documentLinkSource, envelopeSealer, localKeyProvider } from '@finsam/webhooks';

/**
 * The engine the delivery Lambda wraps, over a test's table, with fixed keys: for tests that drive
 * fan-out, relay and delivery by hand instead of through a running worker. A new one is a cold
 * process (no memory of what it relayed or cached).
 */
export function testDeliveryEngine(table: Table): DeliveryEngine {
  return new DeliveryEngine({
    table,
    mode: 'local',
    documentLinks: documentLinkSource({ loadKey: async () => new Uint8Array(32).fill(1), now: () => new Date() }),
    secretSealer: envelopeSealer(localKeyProvider(async () => new Uint8Array(32).fill(2))),
    publicBaseUrl: () => 'https://portal.finsam.example',
    signingClock: () => new Date(),
    random: Math.random,
  });
}

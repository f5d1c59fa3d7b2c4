import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../../src/event-store/event-store.port';

/** A realistic ~600-byte event (data + metadata as stored JSON), shaped like a DiaryNumberAssigned. */
export function sampleEvent(n: number): EventToAppend {
  const data = {
    caseId: randomUUID(),
    registry: 'RS',
    year: 2022,
    sequence: n,
    diaryNumber: `RS 2022-${String(n % 100_000).padStart(5, '0')}`,
    title: 'Fördelning överenskommelse God och nära vård 2022',
  };
  const metadata = {
    schemaVersion: 1,
    commandId: randomUUID(),
    commandType: 'RegisterCase',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: 'anna.registrator', role: 'registrar', organisationId: 'region-exempel' },
    occurredAt: new Date().toISOString(),
    hash: 'a3f1c2d4e5b6a7980f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778',
  };
  return { id: randomUUID(), type: 'DiaryNumberAssigned', data, metadata };
}

/** Bytes of the stored JSON columns of one sample event. */
export function eventBytes(): number {
  const e = sampleEvent(1);
  return Buffer.byteLength(JSON.stringify(e.data)) + Buffer.byteLength(JSON.stringify(e.metadata));
}

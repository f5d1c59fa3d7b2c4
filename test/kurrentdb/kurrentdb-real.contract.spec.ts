import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store';
import { eventStoreContract } from '../contract/event-store.contract';

/**
 * The contract against a real KurrentDB (`npm run test:kurrentdb`), e.g. the docker compose node:
 * KURRENTDB_URL='kurrentdb://127.0.0.1:2113?tls=false'. Stream names carry a per-test prefix, so
 * a shared, non-empty database is fine.
 */
const url = process.env.KURRENTDB_URL;

if (!url) {
  describe('event store contract: real KurrentDB', () => {
    it('needs KURRENTDB_URL', () => {
      throw new Error(
        "KURRENTDB_URL is not set. Point it at a running KurrentDB, e.g. KURRENTDB_URL='kurrentdb://127.0.0.1:2113?tls=false' npm run test:kurrentdb",
      );
    });
  });
} else {
  eventStoreContract({
    name: `real KurrentDB at ${url.replace(/\/\/[^@/]*@/, '//***@')}`,
    open: async () => new KurrentDbEventStore(url),
  });
}

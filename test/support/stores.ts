import { startKurrentDbStandIn } from '../kurrentdb-standin/kurrentdb-standin';

/** A store an e2e suite runs on: the embedded default, or the KurrentDB adapter against the protocol stand-in. */
export interface StoreUnderTest {
  name: string;
  /** environment for the app; `stop` ends the store when the test is done */
  open(): Promise<{ env: Record<string, string>; stop(): Promise<void> }>;
}

export const STORES: StoreUnderTest[] = [
  { name: 'embedded SQLite', open: async () => ({ env: {}, stop: async () => undefined }) },
  {
    name: 'KurrentDB adapter on the protocol stand-in',
    open: async () => {
      const standIn = await startKurrentDbStandIn();
      return { env: { KURRENTDB_URL: standIn.url }, stop: () => standIn.stop() };
    },
  },
];

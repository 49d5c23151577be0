/** A platform (every service, the real audit log) over a fresh test store, for service-level tests. */
import { loadConfig } from '../../server/core/config.ts';
import type { Dialect } from '../../server/core/db/database.ts';
import { openPlatform, type Platform } from '../../server/platform.ts';
import { createTestStore, type TestStore } from './databases.ts';

export interface TestPlatform {
  platform: Platform;
  store: TestStore;
  /** Another platform on the same store (a second process or node). Closed by `close`. */
  another(): Promise<Platform>;
  close(): Promise<void>;
}

/** Opens a migrated platform on a new store of `dialect`. */
export async function openTestPlatform(dialect: Dialect): Promise<TestPlatform> {
  const store = await createTestStore(dialect);
  const open = () => openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, {}));
  const platform = await open();
  const others: Platform[] = [];
  return {
    platform,
    store,
    another: async () => {
      const other = await open();
      others.push(other);
      return other;
    },
    close: async () => {
      for (const other of others) await other.close();
      await platform.close();
      await store.drop();
    },
  };
}

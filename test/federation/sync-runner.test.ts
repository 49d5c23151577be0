// The runner that keeps links going (server/modules/federation/services/sync-runner.ts), with hubs in this
// process over real HTTP, on both databases: continuous push woken by a local store, continuous pull polling,
// and a failing link backing off while the others go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { delayAfter, runSync } from '../../server/modules/federation/services/sync-runner.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { connect, heldIds, link, post, startHub, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

/** Resolves once `check` holds, polling every 20 ms; fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not there after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('delayAfter', () => {
  it('waits the poll for continuous links, the interval for scheduled ones, and doubles after each failure up to 5 minutes', () => {
    const options = { intervalSeconds: 60, pollMs: 500 };
    expect(delayAfter({ mode: 'continuous', failures: 0 }, options)).toBe(500);
    expect(delayAfter({ mode: 'scheduled', failures: 0 }, options)).toBe(60_000);
    expect([1, 2, 3, 4].map((failures) => delayAfter({ mode: 'continuous', failures }, options))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter({ mode: 'scheduled', failures: 30 }, options)).toBe(300_000);
  });
});

describe.each(dialects)('the sync runner on %s', (dialect) => {
  let national: Hub;
  let regional: Hub;

  beforeAll(async () => {
    [national, regional] = await Promise.all([startHub('national', dialect), startHub('regional', dialect)]);
    await connect(national, regional);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national, regional].map((h) => h?.close()));
  });

  it('continuous push without a report listener: an object stored on the national hub reaches the regional one by itself', async () => {
    await link(national, regional, 'push', { continuous: true });
    const controller = new AbortController();
    // A long poll: only the wake-up on the local store can bring the object over in time.
    const running = runSync(national.platform.sync, SYSTEM, controller.signal, { intervalSeconds: 3600, pollMs: 60_000 });
    try {
      for (let i = 0; i < 3; i++) {
        const object = indicator(GREEN);
        await post(national, object);
        await eventually(async () => (await heldIds(regional)).includes(String(object.id)));
      }
    } finally {
      controller.abort();
      await running;
    }
  });
});

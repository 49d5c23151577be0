// The runner that keeps links going (server/modules/federation/services/sync-runner.ts), with hubs in this
// process over real HTTP, on both databases: continuous push woken by a local store, continuous pull polling,
// a scheduled link running again, a failing link backing off while the others go on, a link added while it
// runs, and an abort that stops every loop with the cursors saved.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { delayAfter, runSync } from '../../server/modules/federation/services/sync-runner.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import type { LinkReport } from '../../server/modules/federation/services/sync.service.ts';
import { connect, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

/** Resolves once `check` holds, polling every 20 ms; fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
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

/** The most runs a link failing from the start can have had in `ms`: at once, then after 1 s, 2 s, 4 s … */
function runsAllowedByBackoff(ms: number): number {
  return 1 + Math.floor(Math.log2(ms / 1000 + 1));
}

/** The runner on `hub` until the test's `finally` stops it; `reports` collects every run of every link. */
function runner(hub: Hub, options: { intervalSeconds?: number; pollMs?: number } = {}) {
  const controller = new AbortController();
  const reports: LinkReport[] = [];
  const running = runSync(hub.platform.sync, SYSTEM, controller.signal, { intervalSeconds: 3600, pollMs: 200, ...options, onReport: (r) => reports.push(r) });
  return {
    reports,
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}

describe.each(dialects)('the sync runner’s loops on %s', (dialect) => {
  let hubs: Hub[] = [];

  /** Hubs for one test, each connected to the first, closed after it. */
  async function fresh(...names: string[]): Promise<Hub[]> {
    hubs = await Promise.all(names.map((name) => startHub(name, dialect)));
    for (const hub of hubs.slice(1)) await connect(hubs[0]!, hub);
    return hubs;
  }

  afterEach(async () => {
    await Promise.all(hubs.map((h) => h.close()));
    hubs = [];
  });

  it('continuous pull: an object posted on the peer arrives by itself, polled', async () => {
    const [other, regional] = await fresh('other', 'regional');
    await link(other!, regional!, 'pull', { continuous: true });
    const run = runner(other!);
    try {
      for (let i = 0; i < 2; i++) {
        const object = indicator(GREEN);
        await post(regional!, object);
        await eventually(async () => (await heldIds(other!)).includes(String(object.id)));
      }
    } finally {
      await run.stop();
    }
  });

  it('a scheduled link runs again on its schedule and brings what was posted after its first run', async () => {
    const [national, regional] = await fresh('national', 'regional');
    const linkId = await link(national!, regional!, 'push');
    const early = indicator(GREEN);
    await post(national!, early);
    const run = runner(national!, { intervalSeconds: 1, pollMs: 60_000 });
    try {
      const sending = () => run.reports.filter((r) => r.link === linkId && r.push?.sent === 1).length;
      await eventually(async () => sending() === 1);
      expect(await heldIds(regional!)).toEqual([early.id]);
      const later = indicator(GREEN);
      await post(national!, later);
      await eventually(async () => sending() === 2);
      expect(await heldIds(regional!)).toEqual([early.id, later.id].sort());
    } finally {
      await run.stop();
    }
  });

  it('a link whose peer is down fails and backs off while another link keeps syncing; it catches up when the peer is back', async () => {
    const [national, regional, other] = await fresh('national', 'regional', 'other');
    const toRegional = await link(national!, regional!, 'push', { continuous: true });
    const toOther = await link(national!, other!, 'push', { continuous: true });
    await regional!.stop();
    const started = Date.now();
    const run = runner(national!);
    try {
      const first = indicator(GREEN);
      await post(national!, first);
      await eventually(async () => (await heldIds(other!)).includes(String(first.id)));
      await eventually(async () => (await national!.platform.links.find(SYSTEM, toRegional)).status.failures >= 1);
      const failing = await national!.platform.links.find(SYSTEM, toRegional);
      expect(failing.status).toMatchObject({ lastSuccessAt: null, lastError: { code: 'taxii_remote.unreachable' } });
      // Backing off: local stores wake the healthy push at once, never the failing one before its delay.
      let second = first;
      for (let i = 0; i < 8; i++) {
        second = indicator(GREEN);
        await post(national!, second);
        await eventually(async () => (await heldIds(other!)).includes(String(second.id)));
      }
      const failingRuns = run.reports.filter((r) => r.link === toRegional);
      expect(failingRuns.every((r) => !r.ok)).toBe(true);
      expect(run.reports.filter((r) => r.link === toOther).every((r) => r.ok)).toBe(true);
      expect(failingRuns.length).toBeLessThanOrEqual(runsAllowedByBackoff(Date.now() - started));
      await regional!.resume();
      await eventually(async () => (await heldIds(regional!)).includes(String(second.id)), 60_000);
      expect(await heldIds(regional!)).toEqual(await heldIds(other!));
      await eventually(async () => (await national!.platform.links.find(SYSTEM, toRegional)).status.failures === 0);
    } finally {
      await run.stop();
    }
  });

  it('a link added while the runner is running is picked up', async () => {
    const [national, regional] = await fresh('national', 'regional');
    const run = runner(national!);
    try {
      await link(national!, regional!, 'push', { continuous: true });
      const object = indicator(GREEN);
      await post(national!, object);
      await eventually(async () => (await heldIds(regional!)).includes(String(object.id)));
    } finally {
      await run.stop();
    }
  });

  it('aborting stops every loop and resolves, the cursors saved: a later run sends and stores nothing again', async () => {
    const [regional, national, other] = await fresh('regional', 'national', 'other');
    const push = await link(national!, regional!, 'push', { continuous: true });
    const pull = await link(other!, regional!, 'pull', { continuous: true });
    const pushed = indicator(GREEN);
    await post(national!, pushed);
    const runs = [runner(national!), runner(other!)];
    await eventually(async () => (await heldIds(other!)).includes(String(pushed.id)));
    await eventually(async () => (await national!.platform.links.find(SYSTEM, push)).cursors.push > 0 && (await other!.platform.links.find(SYSTEM, pull)).cursors.pull !== null);
    // Resolves only once every loop of both runners has stopped.
    await Promise.all(runs.map((r) => r.stop()));
    expect((await syncOk(national!, push)).push).toMatchObject({ read: 0, sent: 0 });
    expect((await syncOk(other!, pull)).pull).toMatchObject({ received: 0, stored: 0 });
  });
});

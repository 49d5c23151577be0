/**
 * A listener that fails after a committed write: the write stays stored and is reported as stored, the
 * listeners after it still hear the event, and the failure is logged (on both databases).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { Listeners } from './object-events.ts';

const indicator = {
  type: 'indicator', spec_version: '2.1', id: 'indicator--6b2c0a4e-2f41-4c55-9d1e-7f6f3c2a9b10', created: '2026-03-01T00:00:00.000Z',
  modified: '2026-03-01T00:00:00.000Z', pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: '2026-03-01T00:00:00Z',
};

describe('Listeners', () => {
  it('runs every listener in turn and reports a failure instead of throwing it', async () => {
    const reported: unknown[] = [];
    const heard: string[] = [];
    const listeners = new Listeners<string>('test.event', (error) => reported.push(error));
    listeners.add((event) => void heard.push(`first ${event}`));
    listeners.add(() => {
      throw new Error('broken listener');
    });
    listeners.add(async (event) => void heard.push(`last ${event}`));
    await expect(listeners.emit('e1')).resolves.toBeUndefined();
    expect(heard).toEqual(['first e1', 'last e1']);
    expect(reported.map((e) => (e as Error).message)).toEqual(['broken listener']);
  });
});

describe.each(dialects)('a listener failing after an ingest on %s', (dialect) => {
  let test: TestPlatform;
  let collection: string;

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    await test.platform.apiRoots.create(SYSTEM, { name: 'events', title: 'Events', maxContentLength: 10_000_000 });
    collection = (await test.platform.collections.create(SYSTEM, { apiRoot: 'events', title: 'Shared' })).id;
  });
  afterAll(async () => test?.close());

  it('leaves the objects stored, reports them stored, and logs the failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const heard: number[] = [];
    const stopFailing = test.platform.objects.onAccepted(() => Promise.reject(new Error('listener down')));
    const stopHearing = test.platform.objects.onAccepted(async (accepted) => void heard.push(accepted.versions.length));
    try {
      const result = await test.platform.objects.ingest(SYSTEM, 'events', collection, [indicator]);
      expect(result.stored.map((s) => s.id)).toEqual([indicator.id]);
      expect(heard).toEqual([1]);
      const page = await test.platform.objects.list(SYSTEM, 'events', collection, { ids: [indicator.id] });
      expect(page.rows.map((r) => r.id)).toEqual([indicator.id]);
      const line = JSON.parse(String(logged.mock.calls.at(-1)?.[0])) as Record<string, unknown>;
      expect(line).toMatchObject({ level: 'error', event: 'objects.accepted' });
      expect(String(line.error)).toContain('listener down');
    } finally {
      stopFailing();
      stopHearing();
      logged.mockRestore();
    }
  });
});

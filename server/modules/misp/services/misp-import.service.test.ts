// Importing MISP events through the service on both databases: the same event again stores nothing; a changed
// event (newer timestamp) is a new version of its report only, and the export gives MISP the newer event.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../bootstrap.ts';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { openMispInput, writeMispFeed } from '../../../../shared/misp/feed-directory.ts';
import { richEvent, uuidFor } from '../../../../shared/misp/testing/rich-event.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';

describe.each(dialects)('MISP import service on %s', (dialect) => {
  let test: TestPlatform;
  let dir: string;
  let collectionId: string;
  const importEvent = (name: string, event: Record<string, unknown>) => {
    writeMispFeed(path.join(dir, name), [event]);
    return test.platform.mispImport.import(SYSTEM, collectionId, openMispInput(path.join(dir, name)));
  };

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-misp-import-'));
    collectionId = (await bootstrap(test.platform)).collectionId!;
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await test.close();
  });

  it('stores an event once, and a changed event as a new version of its report', async () => {
    const first = await importEvent('v1', richEvent().Event);
    expect(first.objects.rejected).toBe(0);
    expect(first.objects.stored).toBeGreaterThan(100);
    const again = await importEvent('v1-again', richEvent().Event);
    expect(again.objects).toMatchObject({ stored: 0, duplicates: again.objects.total });
    const changed = { ...richEvent({ timestamp: '1700009999' }).Event, info: 'Rich test event, revised' };
    const second = await importEvent('v2', changed);
    expect(second.objects.stored).toBe(1);
    const versions: string[] = [];
    for await (const rows of test.platform.objects.exportAll(SYSTEM, collectionId)) versions.push(...rows.filter((r) => r.id === `report--${uuidFor('event')}`).map((r) => r.version));
    expect(versions).toHaveLength(2);
    const out = path.join(dir, 'out');
    await test.platform.mispExport.export(SYSTEM, collectionId, out);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Record<string, { info: string; timestamp: number }>;
    expect(manifest[uuidFor('event')]).toMatchObject({ info: 'Rich test event, revised', timestamp: 1700009999 });
  });
});

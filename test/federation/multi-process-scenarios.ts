// Three hubs (two national, one regional) as separate `thiqa serve` processes with their own stores, on both
// databases, configured and synced through the real `thiqa` command: scheduled push and pull with
// `thiqa sync --once`, continuous push inside `thiqa serve` (THIQA_SYNC=1), a sync killed in the middle and
// run again, a peer going down and coming back, rejected credentials, credentials never shown or stored in clear.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../server/core/db/database.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { startCli, storeArgs } from '../cli/cli-runner.ts';
import { indicator } from '../support/stix-factory.ts';
import { connectProcesses, linkProcesses, ok, postTaxii, startProcessHub, versionsOver, type ProcessHub } from './process-hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };
const ids = (versions: string[]) => [...new Set(versions.map((v) => v.split('@')[0]))].sort();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SyncRun {
  links: { link: string; ok: boolean; error?: { code: string }; pull?: { stored: number }; push?: { sent: number } }[];
}

/** The scenarios on one database (one file per database, so the two run side by side). */
export function multiProcessScenarios(dialect: Dialect): void {
describe(`three hubs as processes on ${dialect}`, () => {
  let n1: ProcessHub;
  let n2: ProcessHub;
  let regional: ProcessHub;
  const links: Record<string, string> = {};

  beforeAll(async () => {
    [n1, n2, regional] = await Promise.all([startProcessHub('n1', dialect), startProcessHub('n2', dialect), startProcessHub('regional', dialect)]);
    await Promise.all([connectProcesses(n1, regional), connectProcesses(n2, regional)]);
    await Promise.all([n1.serve(), n2.serve(), regional.serve()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([n1, n2, regional].map((h) => h?.close()));
  });

  it('scheduled push: thiqa sync --once sends the national hub’s objects to the regional hub', async () => {
    links.n1Push = await linkProcesses(n1, regional, 'push');
    const objects = [indicator(GREEN), indicator(GREEN)];
    await postTaxii(n1, objects);
    const run = ok<SyncRun>(await n1.cli(['sync', '--once', '--json']));
    expect(run.links).toEqual([expect.objectContaining({ link: links.n1Push, ok: true, push: expect.objectContaining({ sent: 2 }) })]);
    expect(ids(await versionsOver(regional))).toEqual(expect.arrayContaining(objects.map((o) => o.id)));
  });

  it('scheduled pull: the regional hub pulls the other national hub', async () => {
    const objects = [indicator(GREEN)];
    await postTaxii(n2, objects);
    links.regionalPull = await linkProcesses(regional, n2, 'pull');
    const run = ok<SyncRun>(await regional.cli(['sync', '--once', '--json']));
    expect(run.links.find((l) => l.link === links.regionalPull)).toMatchObject({ ok: true, pull: { stored: 1 } });
    expect(ids(await versionsOver(regional))).toContain(objects[0]!.id);
  });

  it('continuous push inside thiqa serve: an object posted on a national hub reaches the regional hub by itself', async () => {
    await n2.stop();
    links.n2Push = await linkProcesses(n2, regional, 'push', { continuous: true });
    await n2.serve({ THIQA_SYNC: '1', THIQA_SYNC_POLL_MS: '100' });
    const object = indicator(GREEN);
    await postTaxii(n2, [object]);
    let seen = false;
    for (let i = 0; i < 200 && !seen; i++) {
      seen = ids(await versionsOver(regional)).includes(String(object.id));
      if (!seen) await sleep(100);
    }
    expect(seen).toBe(true);
  });

  it('a sync killed in the middle loses and repeats nothing when run again', async () => {
    const bundle = { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: Array.from({ length: 4000 }, () => indicator(GREEN)) };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-backlog-')), 'backlog.json');
    fs.writeFileSync(file, JSON.stringify(bundle));
    ok(await n1.cli(['import', file, '--collection', n1.collectionId, '--json']));
    const pull = await linkProcesses(regional, n1, 'pull');
    const expected = await versionsOver(n1);
    const syncing = startCli(['sync', ...storeArgs(regional.store)], { THIQA_DATA_DIR: regional.dataDir, THIQA_SYNC_PAGE: '25' });
    syncing.stdout!.resume();
    syncing.stderr!.resume();
    let partial: string[] = [];
    for (let i = 0; i < 400; i++) {
      partial = await versionsOver(regional);
      if (partial.filter((v) => expected.includes(v)).length > 100) break;
      await sleep(25);
    }
    syncing.kill('SIGKILL');
    await new Promise((resolve) => syncing.once('exit', resolve));
    const atKill = (await versionsOver(regional)).filter((v) => expected.includes(v)).length;
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(expected.length);
    const run = ok<SyncRun>(await regional.cli(['sync', '--once', '--json']));
    expect(run.links.find((l) => l.link === pull)?.ok).toBe(true);
    const after = await versionsOver(regional);
    expect(after.filter((v) => expected.includes(v))).toEqual(expected);
    expect(new Set(after).size).toBe(after.length);
  }, 120_000);

  it('a peer going down fails its link only, and the link catches up when it is back', async () => {
    await n1.stop();
    const object = indicator(GREEN);
    const down = await regional.cli(['sync', '--once', '--json']);
    expect(down.code).toBe(4);
    const report = JSON.parse(down.stdout) as SyncRun;
    const n1Links = report.links.filter((l) => !l.ok);
    expect(n1Links.length).toBeGreaterThan(0);
    expect(n1Links.every((l) => l.error?.code === 'taxii_remote.unreachable')).toBe(true);
    expect(report.links.find((l) => l.link === links.regionalPull)?.ok).toBe(true);
    await n1.serve();
    await postTaxii(n1, [object]);
    const back = ok<SyncRun>(await regional.cli(['sync', '--once', '--json']));
    expect(back.links.every((l) => l.ok)).toBe(true);
    expect(ids(await versionsOver(regional))).toContain(object.id);
  }, 60_000);

  it('rejected credentials are reported on their link; the password is never printed nor stored in clear', async () => {
    const bad = await linkProcesses(regional, n2, 'pull', { peer: 'n2-wrong', password: 'Wrong-Password-7731' });
    const run = await regional.cli(['sync', '--once', '--json']);
    expect(run.code).toBe(4);
    expect((JSON.parse(run.stdout) as SyncRun).links.find((l) => l.link === bad)?.error?.code).toBe('taxii_remote.unauthorised');
    const status = ok<{ links: { id: string; status: { lastError: { code: string } | null } }[] }>(await regional.cli(['link', 'list', '--json']));
    expect(status.links.find((l) => l.id === bad)?.status.lastError?.code).toBe('taxii_remote.unauthorised');
    const shown = [await regional.cli(['peer', 'list', '--json']), await regional.cli(['audit', 'export']), run];
    for (const out of shown) expect(out.stdout + out.stderr).not.toContain('Wrong-Password-7731');
    if (dialect === 'sqlite') {
      const file = regional.store.url.replace(/^sqlite:/, '');
      const bytes = Buffer.concat([fs.readFileSync(file), ...(fs.existsSync(`${file}-wal`) ? [fs.readFileSync(`${file}-wal`)] : [])]);
      expect(bytes.includes(Buffer.from('Wrong-Password-7731'))).toBe(false);
    }
  }, 60_000);
});
}

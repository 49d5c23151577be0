// Feeds through the real `thiqa` command on both databases: create (token once, --json), list, write to a
// file that loads in its tool (named-checkzone for the zones), revoke, and bad input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { FEED_FORMAT_NAMES } from '../../shared/feeds/feed-formats.ts';
import { checkSuricataRules } from '../../shared/feeds/testing/suricata-rule-check.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { requireTool, runTool, toolTest } from '../support/external-tool.ts';
import { referenceBundles } from '../support/reference-data.ts';
import { indicator } from '../support/stix-factory.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });

interface Created {
  feed: { id: string; format: string; max_tlp: string; path: string };
  token: string;
}

describe.each(dialects)('feed commands on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-feed-cli-'));
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    for (const file of referenceBundles().filter((f) => /apt1|poisonivy/.test(f))) expect((await cli(['import', file, '--collection', 'default', '--json'])).code).toBe(0);
    const spam = [
      indicator({ pattern: "[ipv4-addr:value = '192.0.2.77']", labels: ['spam'] }),
      indicator({ pattern: "[domain-name:value = 'amber.example']", object_marking_refs: [TLP2_MARKINGS['amber+strict']] }),
    ];
    expect((await cli(['import', '-', '--collection', 'default', '--json'], bundle(spam))).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('create prints the feed, its path and its token once; list shows it without the token', async () => {
    const result = await cli(['feed', 'create', 'default', '--format', 'domain', '--name', 'Resolvers']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Feed [0-9a-f-]{36} \(domain, up to TLP:GREEN\) of collection [0-9a-f-]{36}:\n {2}GET \/api\/v1\/feeds\/[0-9a-f-]{36}\/content\n {2}token: thqf_[A-Za-z0-9_-]{43}\n/);
    const token = /token: (\S+)/.exec(result.stdout)![1]!;
    const listed = await cli(['feed', 'list']);
    expect(listed.stdout).toMatch(/domain +green +[0-9a-f-]{36} +active +Resolvers/);
    expect(listed.stdout).not.toContain(token);
  });

  it('writes every format to a file, the zones loading in named-checkzone and the rules passing the strict check', async () => {
    const rpzCheck = toolTest('named-checkzone', 'zones');
    for (const format of FEED_FORMAT_NAMES) {
      const created = jsonOf<Created>(await cli(['feed', 'create', 'default', '--format', format, '--zone', 'feed.thiqa.test', '--json']));
      expect(created.feed.format).toBe(format);
      const out = path.join(dir, `${format}.out`);
      const written = await cli(['feed', 'write', created.feed.id, '--out', out, '--json']);
      expect(written.code, written.stdout + written.stderr).toBe(0);
      const text = fs.readFileSync(out, 'utf8');
      expect(jsonOf<{ bytes: number }>(written).bytes).toBe(Buffer.byteLength(text));
      // AMBER+STRICT is above the default ceiling.
      expect(text).not.toContain('amber.example');
      if (format === 'domain') expect(text.split('\n')).toContain('hugesoft.org');
      if (format === 'dnsbl-rbldnsd') expect(text.split('\n')).toContain('192.0.2.77');
      if (format === 'suricata') expect(checkSuricataRules(text)).toEqual([]);
      if ((format === 'rpz' || format === 'dnsbl-bind') && !rpzCheck.skip) {
        const checked = runTool(requireTool('named-checkzone'), ['-k', 'fail', 'feed.thiqa.test', out]);
        expect(checked.status, checked.output).toBe(0);
      }
    }
  }, 120_000);

  it('refuses a format it does not know and a ceiling above AMBER, with the code in --json', async () => {
    const format = await cli(['feed', 'create', 'default', '--format', 'pf', '--json']);
    expect([format.code, jsonOf<{ error: { code: string } }>(format).error.code]).toEqual([1, 'feed.invalid_format']);
    const red = await cli(['feed', 'create', 'default', '--format', 'csv', '--max-tlp', 'red', '--json']);
    expect([red.code, jsonOf<{ error: { code: string } }>(red).error.code]).toEqual([1, 'feed.invalid_tlp']);
    const missing = await cli(['feed', 'write', '00000000-0000-4000-8000-000000000000', '--out', path.join(dir, 'x'), '--json']);
    expect([missing.code, jsonOf<{ error: { code: string } }>(missing).error.code]).toEqual([3, 'feed.not_found']);
  });

  it('revoke marks the feed revoked, once', async () => {
    const created = jsonOf<Created>(await cli(['feed', 'create', 'default', '--format', 'csv', '--json']));
    const revoked = await cli(['feed', 'revoke', created.feed.id, '--json']);
    expect(revoked.code).toBe(0);
    expect(jsonOf<{ revoked_at: string | null }>(revoked).revoked_at).not.toBeNull();
    const listed = jsonOf<{ feeds: { id: string; revoked_at: string | null }[] }>(await cli(['feed', 'list', '--json']));
    expect(listed.feeds.find((f) => f.id === created.feed.id)!.revoked_at).toBe(jsonOf<{ revoked_at: string }>(revoked).revoked_at);
  });
});

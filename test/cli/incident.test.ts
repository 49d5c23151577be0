// Incidents through the real `thiqa` command on both databases: report (for the user's organisation, --as),
// move through the workflow with a coordinator (a refused move's exit status and code), major, note, link,
// list page by page and show (text and --json).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

interface Answer {
  incident: { id: string; state: string; major: boolean; severity: string | null; sectors: string[]; countries: string[]; created_by_ref: string; next_states: string[] };
}
type Failed = { error: { code: string; params: Record<string, unknown> } };

describe.each(dialects)('incident commands on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;
  let identity: string;
  const target = indicator({ pattern: "[domain-name:value = 'c2.example']" });

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    identity = jsonOf<{ organisation: { identityId: string } }>(await cli(['org', 'add', 'Water Utility', '--type', 'member-state', '--country', 'MU', '--json'])).organisation.identityId;
    expect((await cli(['org', 'add', 'CERT-MU', '--type', 'member-state', '--country', 'MU'])).code).toBe(0);
    expect((await cli(['user', 'add', 'alice', '--org', 'Water Utility'], 'alice-password\n')).code).toBe(0);
    expect((await cli(['user', 'add', 'duty', '--org', 'CERT-MU', '--role', 'incident-coordinator'], 'duty-password\n')).code).toBe(0);
    for (const org of ['Water Utility', 'CERT-MU']) expect((await cli(['collection', 'grant', 'default', `org:${org}`, '--read', '--write'])).code).toBe(0);
    const bundle = JSON.stringify({ type: 'bundle', id: 'bundle--6d0092c5-5f74-4287-9642-33f4c354e56e', objects: [target] });
    expect((await cli(['import', '-', '--collection', 'default', '--json'], bundle)).code).toBe(0);
  }, 120_000);
  afterAll(() => store.drop());

  it('reports an incident, moves it with a coordinator, marks it major, notes and links, lists and shows it', async () => {
    const reported = await cli(['incident', 'report', 'Pumping station offline', '--collection', 'default', '--severity', 'extreme', '--type', 'compromised-system', '--sector', 'water', '--country', 'mu', '--as', 'alice', '--json']);
    expect(reported.code, reported.stderr).toBe(0);
    const { incident } = jsonOf<Answer>(reported);
    expect(incident).toMatchObject({ state: 'reported', major: false, severity: 'extreme', sectors: ['water'], countries: ['MU'], created_by_ref: identity });
    const id = incident.id;

    const refused = await cli(['incident', 'move', id, 'triaged', '--collection', 'default', '--as', 'alice', '--json']);
    expect([refused.code, jsonOf<Failed>(refused).error.code]).toEqual([5, 'incident.move_forbidden']);
    const skipped = await cli(['incident', 'move', id, 'coordinated', '--collection', 'default', '--as', 'duty', '--json']);
    expect([skipped.code, jsonOf<Failed>(skipped).error]).toMatchObject([1, { code: 'incident.transition_refused', params: { allowed: 'triaged, closed' } }]);
    const triaged = await cli(['incident', 'move', id, 'triaged', '--collection', 'default', '--as', 'duty']);
    expect(triaged.stdout).toBe(`Moved ${id} “Pumping station offline”: triaged, extreme, suspected, TLP:GREEN.\n`);
    expect(jsonOf<Answer>(await cli(['incident', 'major', id, '--collection', 'default', '--as', 'duty', '--json'])).incident.major).toBe(true);
    expect((await cli(['incident', 'note', id, 'Manual control since 06:00.', '--abstract', 'Status', '--collection', 'default', '--as', 'duty'])).code).toBe(0);
    const linked = await cli(['incident', 'link', id, target.id as string, '--collection', 'default', '--as', 'alice']);
    expect(linked.stdout).toMatch(/^Linked indicator--[0-9a-f-]{36} to incident--[0-9a-f-]{36} \(relationship relationship--[0-9a-f-]{36}\)\.\n$/);

    const listed = await cli(['incident', 'list', '--collection', 'default', '--major', '--as', 'alice']);
    expect(listed.stdout.split('\n')[0]).toBe('1 incident.');
    expect(listed.stdout).toContain(id);
    expect((await cli(['incident', 'list', '--collection', 'default', '--state', 'closed'])).stdout).toBe('0 incidents.\n');
    const shown = await cli(['incident', 'show', id, '--collection', 'default', '--as', 'alice']);
    expect(shown.stdout).toContain('→');
    expect(shown.stdout).toContain(`indicator ${target.id as string}`);
    expect(shown.stdout).toContain('Status: Manual control since 06:00.');
    const json = jsonOf<{ history: { state: string; major: boolean }[] }>(await cli(['incident', 'show', id, '--collection', 'default', '--json']));
    expect(json.history).toEqual([expect.objectContaining({ state: 'reported', major: false }), expect.objectContaining({ state: 'triaged', major: false }), expect.objectContaining({ state: 'triaged', major: true })]);
  }, 240_000);

  it('reports an incident with its links, and lists the incidents page by page', async () => {
    const reported = await cli(['incident', 'report', 'Second pump', '--collection', 'default', '--link', target.id as string, '--as', 'alice', '--json']);
    expect(reported.code, reported.stderr).toBe(0);
    const id = jsonOf<Answer>(reported).incident.id;
    expect((await cli(['incident', 'show', id, '--collection', 'default'])).stdout).toContain(`indicator ${target.id as string}`);
    const bad = await cli(['incident', 'report', 'x', '--collection', 'default', '--link', 'indicator-c2', '--as', 'alice', '--json']);
    expect([bad.code, jsonOf<Failed>(bad).error.code]).toEqual([1, 'incident.invalid_links']);

    const first = await cli(['incident', 'list', '--collection', 'default', '--limit', '1']);
    expect(first.stdout.split('\n')[0]).toBe('1 incident on this page.');
    expect(first.stdout).toContain(id);
    const next = /^More: --next (\S+)$/m.exec(first.stdout)?.[1];
    expect(next).toBeDefined();
    const second = await cli(['incident', 'list', '--collection', 'default', '--limit', '1', '--next', next!, '--json']);
    const page = jsonOf<{ incidents: { id: string }[]; next: string | null }>(second);
    expect(page.incidents.map((i) => i.id)).not.toContain(id);
    expect(page.incidents).toHaveLength(1);
    const limit = await cli(['incident', 'list', '--collection', 'default', '--limit', 'many', '--json']);
    expect([limit.code, jsonOf<Failed>(limit).error.code]).toEqual([1, 'incident.invalid_limit']);
  }, 240_000);

  it('refuses bad input with its code and exit status', async () => {
    const operator = await cli(['incident', 'report', 'x', '--collection', 'default', '--json']);
    expect([operator.code, jsonOf<Failed>(operator).error.code]).toEqual([1, 'incident.organisation_required']);
    const sector = await cli(['incident', 'report', 'x', '--collection', 'default', '--sector', 'banking', '--as', 'alice', '--json']);
    expect([sector.code, jsonOf<Failed>(sector).error.code]).toEqual([1, 'incident.invalid_sectors']);
    const missing = await cli(['incident', 'show', 'incident--00000000-0000-4000-8000-000000000999', '--collection', 'default', '--json']);
    expect([missing.code, jsonOf<Failed>(missing).error.code]).toEqual([3, 'object.not_found']);
  }, 120_000);
});

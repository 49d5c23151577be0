// Alert subscriptions through the real `thiqa` command on both databases: subscribe (a webhook's secret
// once, --json), list without secrets, remove, and the errors a user meets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

interface Created {
  subscription: { id: string; owner: string; channel: string; target: string; labels: string[]; max_tlp: string; digest: boolean };
  secret?: string;
}

describe.each(dialects)('alert commands on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    expect((await cli(['user', 'add', 'vera'], 'a long enough password\n')).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await store.drop();
  });

  it('subscribes a user, prints a webhook’s secret once, lists and removes the subscription', async () => {
    const made = await cli(['alert', 'subscribe', '--as', 'vera', '--channel', 'webhook', '--url', 'https://soc.example/hook', '--label', 'ransomware', '--label', 'major', '--digest', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const created = jsonOf<Created>(made);
    expect(created.subscription).toMatchObject({ channel: 'webhook', target: 'https://soc.example/hook', labels: ['ransomware', 'major'], max_tlp: 'amber+strict', digest: true });
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);

    const text = await cli(['alert', 'subscribe', '--as', 'vera', '--channel', 'in-app', '--watch', '198.51.100.1']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Subscription [0-9a-f-]{36} \(in-app\) for vera: ≤amber\+strict watch:1\n$/);

    const listed = await cli(['alert', 'list', '--json']);
    expect(listed.stdout).not.toContain(created.secret);
    expect(jsonOf<{ subscriptions: { id: string }[] }>(listed).subscriptions.map((s) => s.id)).toContain(created.subscription.id);
    expect((await cli(['alert', 'list'])).stdout).toContain(created.subscription.id);

    expect((await cli(['alert', 'remove', created.subscription.id])).stdout).toBe(`Subscription ${created.subscription.id} is removed.\n`);
    expect(jsonOf<{ subscriptions: { id: string }[] }>(await cli(['alert', 'list', '--json'])).subscriptions.map((s) => s.id)).not.toContain(created.subscription.id);
    const again = await cli(['alert', 'remove', created.subscription.id]);
    expect(again.code).toBe(EXIT.notFound);
    expect(again.stderr).toBe(`thiqa: there is no alert subscription "${created.subscription.id}"\n`);
  });

  it('refuses a RED ceiling and a webhook without a usable URL', async () => {
    const red = await cli(['alert', 'subscribe', '--as', 'vera', '--channel', 'in-app', '--max-tlp', 'red']);
    expect(red.code).toBe(EXIT.invalid);
    expect(red.stderr).toContain('RED never goes into a notification');
    const url = await cli(['alert', 'subscribe', '--as', 'vera', '--channel', 'webhook', '--url', 'not a url']);
    expect(url.code).toBe(EXIT.invalid);
    expect(url.stderr).toBe('thiqa: a webhook needs an http or https URL, not "not a url"\n');
  });
});

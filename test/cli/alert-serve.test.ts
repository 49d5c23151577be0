// `thiqa serve` delivers alerts that another process queued: a subscription made and objects imported
// through the CLI while the server runs reach a webhook and an SMTP server (aiosmtpd) on 127.0.0.1.
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { indicator, startReceiver } from '../alerts/alert-fixtures.ts';
import { startSmtpServer, textOf, type SmtpServer } from '../alerts/smtp-server.ts';
import { jsonOf, runCli, startCli, storeArgs } from './cli-runner.ts';

const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--6e0092c5-5f74-4287-9642-33f4c354e56d', objects });

async function until(done: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe.each(dialects)('alerts delivered by thiqa serve on %s', (dialect) => {
  let store: TestStore;
  let server: ChildProcess;
  let smtp: SmtpServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    smtp = await startSmtpServer();
    receiver = await startReceiver();
    server = startCli(['serve', '--port', '0', '--host', '127.0.0.1', '--json', ...storeArgs(store)], { THIQA_SMTP_URL: smtp.url, THIQA_SMTP_FROM: 'hub@cert.example' });
    const lines = readline.createInterface({ input: server.stdout! });
    await Promise.race([once(lines, 'line'), once(server, 'exit')]);
  }, 60_000);
  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await receiver.close();
    await smtp.close();
    await store.drop();
  });

  it('reaches a webhook and an SMTP server after a CLI import', async () => {
    const cli = (args: string[], input?: string) => runCli([...args, ...storeArgs(store)], { input });
    const hook = await cli(['alert', 'subscribe', '--as', 'admin', '--channel', 'webhook', '--url', receiver.url, '--label', 'served', '--json']);
    expect(hook.code, hook.stderr).toBe(0);
    const mail = await cli(['alert', 'subscribe', '--as', 'admin', '--channel', 'email', '--email', 'soc@cert.example', '--label', 'served']);
    expect(mail.code, mail.stderr).toBe(0);
    const object = indicator(31, "[domain-name:value = 'served.example']", { labels: ['served'], name: 'Served' });
    expect((await cli(['import', '-', '--collection', 'default', '--json'], bundle([object]))).code).toBe(0);

    await until(() => receiver.received.length > 0, 'the webhook');
    expect(JSON.parse(receiver.received[0]!.body).alerts.map((a: { id: string }) => a.id)).toEqual([object.id]);
    expect(jsonOf<{ secret: string }>(hook).secret).toMatch(/^[0-9a-f]{64}$/);
    await until(async () => (await smtp.messages()).length > 0, 'the e-mail');
    const [message] = await smtp.messages();
    expect(message).toMatch(/^To: soc@cert\.example$/m);
    expect(message).toMatch(/^From: hub@cert\.example$/m);
    expect(textOf(message!)).toContain('[TLP:GREEN] indicator Served');
  });
});

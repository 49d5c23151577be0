/**
 * A real SMTP server for tests: Debian's aiosmtpd on 127.0.0.1, writing what it receives to a Maildir that
 * the test reads back (`python3-aiosmtpd`, installed by .ci/run).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * Maildir names in the order the messages arrived: Python's are `<seconds>.M<microseconds>P<pid>Q<count>.<host>`,
 * and the microseconds are not zero-padded, so a sort of the names as text can put a later message first.
 */
function byArrival(a: string, b: string): number {
  const key = (name: string) => (/^(\d+)\.M(\d+)P\d+Q(\d+)/.exec(name) ?? [name, '0', '0', '0']).slice(1).map(Number);
  const [ka, kb] = [key(a), key(b)];
  return ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]! || (a < b ? -1 : 1);
}

export interface SmtpServer {
  url: string;
  /** The raw messages received so far. */
  messages(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<SmtpServer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'thiqa-smtp-'));
  const maildir = path.join(dir, 'mail');
  const child = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Python starts slowly on a busy machine: wait until it listens (at most 60 s), and say so if it never does.
  const until = Date.now() + 60_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`aiosmtpd did not listen on 127.0.0.1:${port} (exit ${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: async () => {
      const folder = path.join(maildir, 'new');
      const names = await readdir(folder).catch(() => []);
      return Promise.all(names.sort(byArrival).map((name) => readFile(path.join(folder, name), 'utf8')));
    },
    close: async () => {
      child.kill();
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The text of a received message, quoted-printable decoded (soft line breaks joined). */
export function textOf(raw: string): string {
  const body = raw.slice(raw.search(/\r?\n\r?\n/)).trim();
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

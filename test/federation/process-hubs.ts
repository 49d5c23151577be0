/**
 * Hubs as separate processes: each a `bin/thiqa.js serve` child with its own store (a SQLite file or a
 * PostgreSQL schema of its own) and data folder, on 127.0.0.1 at a port chosen free, configured only through
 * the real `thiqa` command (org, community, user, collection, peer, link), as an operator would.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { ChildProcess } from 'node:child_process';
import type { Dialect } from '../../server/core/db/database.ts';
import { createTestStore, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, startCli, storeArgs, type CliResult } from '../cli/cli-runner.ts';
import { TAXII } from '../support/taxii-server.ts';

export interface ProcessHub {
  name: string;
  store: TestStore;
  dataDir: string;
  port: number;
  url: string;
  apiRootUrl: string;
  collectionId: string;
  admin: { name: string; password: string };
  /** Names of the peers added on this hub. */
  peers: Set<string>;
  /** Runs `thiqa …args` on this hub's store (its environment included). */
  cli(args: readonly string[], input?: string, env?: Record<string, string>): Promise<CliResult>;
  /** Starts `thiqa serve` (again) on the hub's port; `env` adds to its environment (THIQA_SYNC=1 …). */
  serve(env?: Record<string, string>): Promise<void>;
  /** Stops the server: SIGTERM (and waits) or SIGKILL. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The `--json` answer of a command that must succeed. */
export function ok<T = Record<string, unknown>>(result: CliResult): T {
  if (result.code !== 0) throw new Error(`exit ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return jsonOf<T>(result);
}

export async function startProcessHub(name: string, dialect: Dialect): Promise<ProcessHub> {
  const store = await createTestStore(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `thiqa-proc-${name}-`));
  const port = await freePort();
  const baseEnv = { THIQA_DATA_DIR: dataDir };
  const cli = (args: readonly string[], input?: string, env: Record<string, string> = {}) => runCli([...args, ...storeArgs(store)], { input: input ?? '', env: { ...baseEnv, ...env } });
  const init = ok<{ admin: { name: string; password: string } }>(await cli(['init', '--json']));
  ok(await cli(['org', 'add', `${name} CIRT`, '--type', 'regional-international', '--json']));
  const community = ok<{ apiRoot: { name: string } }>(await cli(['community', 'add', 'Region', '--json']));
  ok(await cli(['community', 'join', 'Region', `${name} CIRT`, '--json']));
  const collection = ok<{ collection: { id: string } }>(await cli(['collection', 'create', '--title', 'Shared', '--community', 'Region', '--alias', 'shared', '--json']));
  ok(await cli(['user', 'add', 'analyst', '--org', `${name} CIRT`, '--json'], 'analyst-password\n'));
  let child: ChildProcess | undefined;
  const url = `http://127.0.0.1:${port}`;
  const hub: ProcessHub = {
    name,
    store,
    dataDir,
    port,
    url,
    apiRootUrl: `${url}/${community.apiRoot.name}/`,
    collectionId: collection.collection.id,
    admin: init.admin,
    peers: new Set(),
    cli,
    serve: async (env = {}) => {
      child = startCli(['serve', '--port', String(port), '--host', '127.0.0.1', '--json', ...storeArgs(store)], { ...baseEnv, ...env });
      child.stderr!.resume();
      const lines = readline.createInterface({ input: child.stdout! });
      const [line] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => [''])])) as [string];
      if (!line) throw new Error(`thiqa serve for ${name} did not start`);
    },
    stop: async (signal = 'SIGTERM') => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
    close: async () => {
      await hub.stop('SIGKILL');
      await store.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hub;
}

/** Makes two process hubs know each other, through the CLI of each (see hubs.ts `connect`). */
export async function connectProcesses(a: ProcessHub, b: ProcessHub): Promise<void> {
  await Promise.all(
    [
      [a, b],
      [b, a],
    ].map(async ([here, there]) => {
      ok(await here!.cli(['org', 'add', `${there!.name} hub`, '--type', 'regional-international', '--json']));
      ok(await here!.cli(['community', 'join', 'Region', `${there!.name} hub`, '--json']));
      ok(await here!.cli(['user', 'add', `hub-${there!.name}`, '--org', `${there!.name} hub`, '--json'], `hub-${there!.name}-password\n`));
    }),
  );
}

/** On `a`, through its CLI: peer `b` (unless known) and a link of the shared collections; answers the link id. */
export async function linkProcesses(a: ProcessHub, b: ProcessHub, direction: string, options: { continuous?: boolean; peer?: string; password?: string } = {}): Promise<string> {
  const peer = options.peer ?? b.name;
  if (!a.peers.has(peer)) {
    a.peers.add(peer);
    ok(await a.cli(['peer', 'add', peer, b.apiRootUrl, '--user', `hub-${a.name}`, '--password-stdin', '--org', `${b.name} hub`, '--json'], `${options.password ?? `hub-${a.name}-password`}\n`));
  }
  const args = ['link', 'add', peer, '--remote-collection', b.collectionId, '--local-collection', 'shared', '--direction', direction, '--json'];
  if (options.continuous) args.push('--continuous');
  return ok<{ link: { id: string } }>(await a.cli(args)).link.id;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Posts objects to a running hub over TAXII, as its analyst. */
export async function postTaxii(hub: ProcessHub, objects: unknown[]): Promise<void> {
  const response = await fetch(`${hub.apiRootUrl}collections/${hub.collectionId}/objects/`, {
    method: 'POST',
    headers: { accept: TAXII, 'content-type': TAXII, authorization: basic('analyst', 'analyst-password') },
    body: JSON.stringify({ objects }),
  });
  if (response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
}

/** Every version a running hub's shared collection holds, as `id@version` (paged over TAXII as the administrator). */
export async function versionsOver(hub: ProcessHub): Promise<string[]> {
  const out: string[] = [];
  let next: string | undefined;
  for (;;) {
    const url = new URL(`${hub.apiRootUrl}collections/${hub.collectionId}/manifest/`);
    url.searchParams.set('match[version]', 'all');
    url.searchParams.set('limit', '10000');
    if (next) url.searchParams.set('next', next);
    const response = await fetch(url, { headers: { accept: TAXII, authorization: basic(hub.admin.name, hub.admin.password) } });
    if (response.status !== 200) throw new Error(`manifest answered ${response.status}`);
    const body = (await response.json()) as { objects?: { id: string; version: string }[]; more?: boolean; next?: string };
    for (const o of body.objects ?? []) out.push(`${o.id}@${o.version}`);
    if (!body.more || !body.next) break;
    next = body.next;
  }
  return out.sort();
}

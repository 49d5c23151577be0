/**
 * Hubs in this process for the federation's service tests: each a platform over a fresh store of its own
 * (SQLite or PostgreSQL) served over real HTTP on 127.0.0.1, with a community ("Region") and a collection
 * shared with it. `connect` makes two hubs know each other as the real configuration would: on each side an
 * organisation standing for the other hub, a member of the community, and on the side being called a user of
 * that organisation for the other hub to sign in as.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/core/config.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { Dialect } from '../../server/core/db/database.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { openPlatform, type Platform } from '../../server/platform.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';
import type { Direction } from '../../server/modules/federation/services/link.service.ts';
import type { Actor } from '../../server/core/auth/actor.ts';
import { createTestStore, type TestStore } from '../support/databases.ts';

export interface Hub {
  name: string;
  platform: Platform;
  store: TestStore;
  server: RunningServer;
  communityId: string;
  /** The community's API root URL, ending in `/`. */
  apiRootUrl: string;
  apiRoot: string;
  collectionId: string;
  /** This hub's own organisation and a user of it (what local analysts post as). */
  own: { orgId: string; identityId: string; actor: Actor };
  /** Organisation ids standing for other hubs here, by hub name. */
  orgFor: Map<string, string>;
  /** Users other hubs sign in as here, by hub name. */
  userFor: Map<string, { name: string; password: string }>;
  /** Stops serving (the peer is down); `resume` serves again on the same port. */
  stop(): Promise<void>;
  resume(): Promise<void>;
  /** Closes the platform and opens another on the same store (a restart of the process). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHub(name: string, dialect: Dialect, env: Record<string, string> = {}): Promise<Hub> {
  const store = await createTestStore(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `thiqa-hub-${name}-`));
  const open = () => openPlatform(loadConfig({ databaseUrl: store.url, dataDir }, env));
  const platform = await open();
  await bootstrap(platform);
  const { community } = await platform.communityApiRoots.add(SYSTEM, { name: 'Region' });
  const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Shared' });
  const org = await platform.organisations.add(SYSTEM, { name: `${name} CIRT`, type: 'regional-international' });
  await platform.communities.join(SYSTEM, community.id, org.id);
  const user = await platform.users.addUser({ name: `analyst-${name}`, password: 'analyst-password', organisation: org.id });
  const server = await startServer(platform, '127.0.0.1', 0);
  const hub: Hub = {
    name,
    platform,
    store,
    server,
    communityId: community.id,
    apiRoot: community.slug,
    apiRootUrl: `${server.url}/${community.slug}/`,
    collectionId: collection.id,
    own: { orgId: org.id, identityId: org.identityId, actor: { kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: org.id } },
    orgFor: new Map(),
    userFor: new Map(),
    stop: () => hub.server.close(),
    resume: async () => {
      hub.server = await startServer(hub.platform, '127.0.0.1', Number(new URL(server.url).port));
    },
    restart: async () => {
      await hub.server.close().catch(() => undefined);
      await hub.platform.close();
      hub.platform = await open();
      hub.server = await startServer(hub.platform, '127.0.0.1', Number(new URL(server.url).port));
    },
    close: async () => {
      await hub.server.close().catch(() => undefined);
      await hub.platform.close();
      await store.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hub;
}

/**
 * Makes `a` and `b` know each other (organisations, community membership, sign-in users). With
 * `sameIdentity`, the organisation standing for each hub takes that hub's own STIX identity, as operators
 * do when they copy it from the other hub (`thiqa org add --identity`).
 */
export async function connect(a: Hub, b: Hub, options: { member?: boolean; sameIdentity?: boolean } = {}): Promise<void> {
  for (const [here, there] of [
    [a, b],
    [b, a],
  ] as const) {
    if (here.orgFor.has(there.name)) continue;
    const org = await here.platform.organisations.add(SYSTEM, { name: `${there.name} hub`, type: 'regional-international', ...(options.sameIdentity ? { identity: there.own.identityId } : {}) });
    if (options.member !== false) await here.platform.communities.join(SYSTEM, here.communityId, org.id);
    const password = `hub-${there.name}-password`;
    await here.platform.users.addUser({ name: `hub-${there.name}`, password, organisation: org.id });
    here.orgFor.set(there.name, org.id);
    here.userFor.set(there.name, { name: `hub-${there.name}`, password });
  }
}

/** On `a`: peer `b` and a link of the two shared collections; answers the link id. */
export async function link(a: Hub, b: Hub, direction: Direction, options: { continuous?: boolean; deletions?: boolean; password?: string } = {}): Promise<string> {
  const user = b.userFor.get(a.name)!;
  const peers = await a.platform.peers.list(SYSTEM);
  if (!peers.some((p) => p.name === b.name)) {
    await a.platform.peers.add(SYSTEM, {
      name: b.name,
      url: b.apiRootUrl,
      credentials: { kind: 'basic', user: user.name, password: options.password ?? user.password },
      organisation: a.orgFor.get(b.name)!,
    });
  }
  const added = await a.platform.links.add(SYSTEM, {
    peer: b.name,
    remoteCollection: b.collectionId,
    localCollection: a.collectionId,
    direction,
    continuous: options.continuous === true,
    propagateDeletions: options.deletions === true,
  });
  return added.id;
}

/** Posts objects on a hub as its own analyst. */
export async function post(hub: Hub, ...objects: Record<string, unknown>[]) {
  return hub.platform.objects.ingest(hub.own.actor, hub.apiRoot, hub.collectionId, objects);
}

/** Every version a hub's collection holds (as the operator sees it), as `id@version`, sorted. */
export async function held(hub: Hub, collectionId = hub.collectionId): Promise<string[]> {
  const out: string[] = [];
  const rows = await hub.platform.objects.changesSince(SYSTEM, hub.apiRoot, collectionId, 0, 100_000);
  for (const row of rows) out.push(`${row.id}@${row.version}`);
  return out.sort();
}

/** The ids a hub's collection holds, sorted, each once. */
export async function heldIds(hub: Hub, collectionId = hub.collectionId): Promise<string[]> {
  return [...new Set((await held(hub, collectionId)).map((h) => h.split('@')[0]!))].sort();
}

/** Runs one link once and fails the test with its error when it failed. */
export async function syncOk(hub: Hub, linkId: string) {
  const report = await hub.platform.sync.syncLink(SYSTEM, linkId);
  if (!report.ok) throw new Error(`link ${linkId} on ${hub.name} failed: ${JSON.stringify(report.error)}`);
  return report;
}

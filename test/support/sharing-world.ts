/**
 * A small hub for the TLP property tests: four organisations (two users each), a user of no organisation, a
 * platform administrator, two communities with their API roots, and a plain API root; plus an oracle that
 * says, from the scenario alone, what TLP 2.0 lets each reader see. The oracle is written from the rules in
 * the issue, not from the implementation: it never calls the visibility code or reads the store.
 */
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { Platform } from '../../server/platform.ts';
import { TLP1_MARKINGS, TLP2_MARKINGS } from '../../shared/stix/tlp.ts';

export const ORGS = 4;
export const COMMUNITIES = 2;
export const PLAIN_ROOT = 'plain';

export interface World {
  orgs: { id: string; identityId: string }[];
  communities: { id: string; slug: string }[];
  /** Users 0..7 belong to organisation ⌊i/2⌋, user 8 to none; then the administrator, then anonymous. */
  readers: Reader[];
}

export interface Reader {
  label: string;
  actor: Actor;
  userId: string | null;
  name: string | null;
  org: number | null;
  admin: boolean;
}

/** Builds the hub on an empty platform. */
export async function buildWorld(platform: Platform): Promise<World> {
  const orgs = [];
  for (let o = 0; o < ORGS; o++) {
    const org = await platform.organisations.add(SYSTEM, { name: `Organisation ${o}`, type: 'regional-international' });
    orgs.push({ id: org.id, identityId: org.identityId });
  }
  const communities = [];
  for (let k = 0; k < COMMUNITIES; k++) {
    const { community } = await platform.communityApiRoots.add(SYSTEM, { name: `Community ${k}` });
    communities.push({ id: community.id, slug: community.slug });
  }
  await platform.apiRoots.create(SYSTEM, { name: PLAIN_ROOT, title: 'Plain', maxContentLength: 10_000_000 });
  const readers: Reader[] = [];
  for (let u = 0; u <= 9; u++) {
    const org = u < 8 ? Math.floor(u / 2) : null;
    const admin = u === 9;
    const name = admin ? 'root' : `user${u}`;
    const user = await platform.users.addUser({ name, password: 'password-123', isAdmin: admin, organisation: org === null ? undefined : orgs[org]!.id });
    const actor: Actor = { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: user.organisationId };
    readers.push({ label: name, actor, userId: user.id, name, org, admin });
  }
  readers.push({ label: 'anonymous', actor: { kind: 'anonymous' }, userId: null, name: null, org: null, admin: false });
  return { orgs, communities, readers };
}

/** Joins and leaves communities until organisation `o` is a member of community `k` exactly when `wanted[k][o]`; `current` follows. */
export async function applyMemberships(platform: Platform, world: World, current: boolean[][], wanted: readonly (readonly boolean[])[]): Promise<void> {
  for (let k = 0; k < COMMUNITIES; k++) {
    for (let o = 0; o < ORGS; o++) {
      const want = wanted[k]![o]!;
      if (want === current[k]![o]) continue;
      if (want) await platform.communities.join(SYSTEM, world.communities[k]!.id, world.orgs[o]!.id);
      else await platform.communities.leave(SYSTEM, world.communities[k]!.id, world.orgs[o]!.id);
      current[k]![o] = want;
    }
  }
}

export const LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;

/** Marking-definition ids of a level: TLP 2.0 always, TLP 1.0 where it has one. */
export function markingIds(level: number): string[] {
  const v2 = TLP2_MARKINGS[LEVELS[level]!];
  const v1 = [TLP1_MARKINGS.white, TLP1_MARKINGS.green, TLP1_MARKINGS.amber, undefined, TLP1_MARKINGS.red][level];
  return v1 ? [v2, v1] : [v2];
}

/** A collection of the scenario, as the oracle sees it. */
export interface CollectionModel {
  /** Index of the community whose API root holds it, or null for the plain root. */
  community: number | null;
  defaultTlp: number;
  /** principal label (`authenticated`, `anonymous`, `org:<i>`, `user:<i>`, `community:<k>`) → access. */
  grants: Map<string, { read: boolean; write: boolean }>;
}

/** A collection made for one round of a property test: where it is, and the oracle's model of it. */
export interface RoundCollection {
  root: string;
  id: string;
  model: CollectionModel;
}

/** What a round asks for: a collection in a community's API root, and one in the plain root with grants. */
export interface RoundCollectionsInput {
  community: { community: number; defaultTlp: number };
  plain: { defaultTlp: number; grants: readonly { principal: string; read: boolean; write?: boolean }[] };
}

/**
 * The two collections of a round (titles `k<round>` and `p<round>`): one in a community's API root, which
 * its members read and write, and one in the plain root with the grants asked for (a write grant to
 * `anonymous` is left out: a public collection is read-only), each with its model for the oracle.
 */
export async function roundCollections(platform: Platform, world: World, round: number, input: RoundCollectionsInput): Promise<[RoundCollection, RoundCollection]> {
  const { community: wanted, plain: plainWanted } = input;
  const community = world.communities[wanted.community]!;
  const inCommunity = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: `k${round}`, defaultTlp: LEVELS[wanted.defaultTlp]! });
  const communityModel: CollectionModel = { community: wanted.community, defaultTlp: wanted.defaultTlp, grants: new Map([[`community:${wanted.community}`, { read: true, write: true }]]) };
  const plain = await platform.collections.create(SYSTEM, { apiRoot: PLAIN_ROOT, title: `p${round}`, defaultTlp: LEVELS[plainWanted.defaultTlp]! });
  const plainModel: CollectionModel = { community: null, defaultTlp: plainWanted.defaultTlp, grants: new Map() };
  for (const grant of plainWanted.grants) {
    const [kind, index] = grant.principal.split(':') as [string, string | undefined];
    const principal = kind === 'user' ? `user:${world.readers[Number(index)]!.userId}` : kind === 'org' ? `org:${world.orgs[Number(index)]!.id}` : kind;
    const write = (grant.write ?? false) && kind !== 'anonymous';
    await platform.collections.grant(SYSTEM, plain.id, principal, { read: grant.read, write });
    plainModel.grants.set(grant.principal, { read: grant.read, write });
  }
  return [
    { root: community.slug, id: inCommunity.collection.id, model: communityModel },
    { root: PLAIN_ROOT, id: plain.id, model: plainModel },
  ];
}

/** A version as submitted, with what the oracle needs to know of it. */
export interface VersionModel {
  object: Record<string, unknown>;
  writer: number;
  /** TLP levels of its object markings (the most restrictive counts); empty for none. */
  levels: number[];
  /** Granular marking: the property (`description` is optional, `pattern` is required) and its level. */
  granular: { property: 'description' | 'pattern'; level: number } | null;
  recipientOrgs: number[];
  /** Indexes of readers named; -1 stands for a user name that does not exist. */
  recipientUsers: number[];
}

export interface Scenario {
  /** memberships[k][o]: organisation o belongs to community k. */
  memberships: boolean[][];
}

/** What a reader holds on a collection through grants (administrators: everything). */
export function granted(world: World, scenario: Scenario, reader: Reader, collection: CollectionModel): { read: boolean; write: boolean } {
  if (reader.admin) return { read: true, write: true };
  const labels = reader.userId === null ? ['anonymous'] : ['authenticated', `user:${world.readers.indexOf(reader)}`];
  if (reader.org !== null) {
    labels.push(`org:${reader.org}`);
    for (let k = 0; k < COMMUNITIES; k++) if (scenario.memberships[k]![reader.org]) labels.push(`community:${k}`);
  }
  const held = labels.map((l) => collection.grants.get(l) ?? { read: false, write: false });
  return { read: held.some((h) => h.read), write: held.some((h) => h.write) };
}

/** The level of a version as a whole: its markings (else the default), raised by a marking on a required property. */
export function rowLevel(version: VersionModel, collection: CollectionModel): number {
  const own = version.levels.length ? Math.max(...version.levels) : collection.defaultTlp;
  return version.granular?.property === 'pattern' ? Math.max(own, version.granular.level) : own;
}

/** Whether the hub must refuse the version, and why. */
export function refusal(version: VersionModel, collection: CollectionModel): string | undefined {
  if (version.recipientUsers.includes(-1)) return 'recipient-unknown';
  const level = rowLevel(version, collection);
  const levels = [level];
  if (version.granular?.property === 'description' && version.granular.level > level) levels.push(version.granular.level);
  if (levels.includes(2) && collection.community === null) return 'tlp-amber-outside-community';
  if (levels.includes(4) && version.recipientUsers.length === 0) return 'tlp-red-without-recipients';
  return undefined;
}

/**
 * The most restrictive level the reader may see of a stored version: -1 for nothing. A reader with no read
 * grant sees only versions that name them (or their organisation).
 */
export function clearance(world: World, scenario: Scenario, reader: Reader, collection: CollectionModel, version: VersionModel): number {
  const index = world.readers.indexOf(reader);
  const namedUser = reader.userId !== null && version.recipientUsers.includes(index);
  const namedOrg = reader.org !== null && version.recipientOrgs.includes(reader.org);
  const read = granted(world, scenario, reader, collection).read;
  if (!read && !namedUser && !namedOrg) return -1;
  if (reader.userId !== null && (version.writer === index || namedUser)) return 4;
  if (reader.org !== null && (world.readers[version.writer]!.org === reader.org || namedOrg)) return 3;
  if (!read) return -1;
  if (reader.userId === null) return 0;
  const member = collection.community !== null && reader.org !== null && scenario.memberships[collection.community]![reader.org]!;
  return member ? 2 : 1;
}

/** Whether the reader reaches the collection at all: a read grant, or named as a recipient of a stored version. */
export function reaches(world: World, scenario: Scenario, reader: Reader, collection: CollectionModel, stored: readonly VersionModel[]): boolean {
  if (granted(world, scenario, reader, collection).read) return true;
  const index = world.readers.indexOf(reader);
  return stored.some((v) => (reader.userId !== null && v.recipientUsers.includes(index)) || (reader.org !== null && v.recipientOrgs.includes(reader.org)));
}

/** The object the reader is given at `reach` (its clearance, capped for exports), or undefined for none. */
export function expectedBody(version: VersionModel, collection: CollectionModel, reach: number): Record<string, unknown> | undefined {
  if (rowLevel(version, collection) > reach) return undefined;
  const g = version.granular;
  if (g?.property === 'description' && g.level > reach && g.level > rowLevel(version, collection)) {
    const { description: _hidden, granular_markings: _markings, ...rest } = version.object;
    return rest;
  }
  return version.object;
}

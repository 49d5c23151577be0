/**
 * Collections and access to them. A caller sees a collection it may read or write; any other collection
 * answers not_found, exactly as one that does not exist, so its existence does not leak.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import { isPrivileged, type Actor } from '../../../core/auth/actor.ts';
import { can } from '../../../core/roles/roles.ts';
import type { CommunityService } from '../../../core/communities/community.service.ts';
import type { PrincipalService } from '../../../core/principals/principal.service.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../../../core/errors.ts';
import { parseTlpLevel, TLP_GREEN, TLP_LEVELS, tlpName } from '../../../../shared/stix/sharing.ts';
import type { CollectionRepository, CollectionRow, GrantRow } from '../repositories/collection.repository.ts';
import type { ApiRootService } from './api-root.service.ts';

export interface Collection {
  id: string;
  apiRoot: string;
  title: string;
  description: string | undefined;
  alias: string | undefined;
  canRead: boolean;
  canWrite: boolean;
  mediaTypes: string[];
  /** TLP rank (0 CLEAR … 4 RED) of objects that arrive without a TLP marking. */
  defaultTlp: number;
  /** How the caller reaches it, for the visibility rule (services/visibility.ts). */
  access: CollectionAccess;
}

/**
 * The caller's relation to a collection: `granted` read by a grant (or as an administrator); `member` of the
 * community whose API root holds it; `recipient` of at least one of its objects by name; `community` is the
 * id of that community (null for a collection outside community API roots).
 */
export interface CollectionAccess {
  granted: boolean;
  member: boolean;
  recipient: boolean;
  community: string | null;
}

export interface NewCollection {
  apiRoot: string;
  title: string;
  description?: string | undefined;
  alias?: string | undefined;
  /** TLP level for objects that arrive unmarked (`green` when absent). */
  defaultTlp?: string | undefined;
  /** Access given in the same transaction as the collection is created (a community's read and write). */
  grants?: readonly { principal: string; read: boolean; write: boolean }[];
}

/** Who may do what with a collection. */
export interface Grant {
  /** `user:<id>`, `org:<id>`, `community:<id>` or `authenticated`. */
  principal: string;
  read: boolean;
  write: boolean;
}

export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
/** Within `sameAccess`: each actor's collections (`listAll`), worked out once. */
const oneRun = new AsyncLocalStorage<Map<Actor, Promise<Collection[]>>>();
const ALIAS = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * The principals an actor's grants are recorded under: a user is itself, `authenticated`, its organisation
 * (`org:<id>`) and each community that organisation belongs to (`communityIds`, looked up by the caller).
 */
export function principalsOf(actor: Actor, communityIds: readonly string[] = []): string[] {
  if (actor.kind === 'user') {
    const principals = [`user:${actor.userId}`, 'authenticated'];
    if (actor.organisationId !== null) principals.push(`org:${actor.organisationId}`, ...communityIds.map((id) => `community:${id}`));
    return principals;
  }
  if (actor.kind === 'anonymous') return ['anonymous'];
  return [];
}

export class CollectionService {
  private readonly collections: CollectionRepository;
  private readonly apiRoots: ApiRootService;
  private readonly audit: AuditLog;
  private readonly communities: CommunityService;
  /**
   * API root name → id of the community it belongs to, or null. Kept for the life of the process: a
   * community's API root is created with the community and neither is ever renamed or removed, and no API
   * root can become a community's later (a community cannot take the name of an existing root).
   */
  private readonly communityByRoot = new Map<string, string | null>();
  private readonly principals: PrincipalService;

  constructor(collections: CollectionRepository, apiRoots: ApiRootService, audit: AuditLog, communities: CommunityService, principals: PrincipalService) {
    this.collections = collections;
    this.apiRoots = apiRoots;
    this.audit = audit;
    this.communities = communities;
    this.principals = principals;
  }

  /** Collections of an API root the actor may read or write. */
  async list(actor: Actor, apiRoot: string): Promise<Collection[]> {
    await this.apiRoots.get(actor, apiRoot);
    const rows = await this.collections.listInRoot(apiRoot);
    const access = await this.accessMap(actor);
    return (await Promise.all(rows.map(async (row) => present(row, await access(row))))).filter((c) => c.canRead || c.canWrite);
  }

  /**
   * Runs `fn` with each actor's collections (`listAll`) worked out once for the whole run, for one request
   * that reads objects of many collections (a lookup). A change of access made meanwhile holds from the next
   * run, as it holds from the next request.
   */
  sameAccess<T>(fn: () => Promise<T>): Promise<T> {
    return oneRun.getStore() ? fn() : oneRun.run(new Map(), fn);
  }

  /** Every collection the actor may see, across API roots (within `sameAccess`, as first read there). */
  listAll(actor: Actor): Promise<Collection[]> {
    const memo = oneRun.getStore();
    if (!memo) return this.readAll(actor);
    let held = memo.get(actor);
    if (!held) memo.set(actor, (held = this.readAll(actor)));
    return held;
  }

  private async readAll(actor: Actor): Promise<Collection[]> {
    const access = await this.accessMap(actor);
    const rows = await this.collections.listAll();
    return (await Promise.all(rows.map(async (row) => present(row, await access(row))))).filter((c) => c.canRead || c.canWrite);
  }

  /** A collection by id (or alias) within an API root; not_found when absent or invisible to the actor. */
  async get(actor: Actor, apiRoot: string, idOrAlias: string): Promise<Collection> {
    const row = (await this.collections.find(idOrAlias)) ?? (await this.collections.findByAlias(apiRoot, idOrAlias));
    if (row && row.api_root === apiRoot) {
      const collection = present(row, await (await this.accessMap(actor))(row));
      if (collection.canRead || collection.canWrite) return collection;
    }
    // Anonymous callers reach public collections only; anything else asks for credentials.
    if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'this TAXII server needs credentials: HTTP Basic or a Bearer token');
    await this.apiRoots.get(actor, apiRoot);
    throw notFound('collection.not_found', `there is no collection "${idOrAlias}" in API root "${apiRoot}"`, { apiRoot, collection: idOrAlias });
  }

  /** A collection by id or alias in any API root (for the CLI, where API roots are rarely named). */
  async find(actor: Actor, idOrAlias: string): Promise<Collection> {
    const row = await this.collections.find(idOrAlias);
    const candidates = row ? [row] : (await this.collections.listAll()).filter((c) => c.alias === idOrAlias);
    if (candidates.length === 1) return this.get(actor, candidates[0]!.api_root, candidates[0]!.id);
    if (candidates.length > 1) {
      throw invalid('collection.ambiguous_alias', `alias "${idOrAlias}" names collections in several API roots: use the collection id`, { collection: idOrAlias });
    }
    throw notFound('collection.not_found', `there is no collection "${idOrAlias}"`, { collection: idOrAlias });
  }

  async requireRead(actor: Actor, apiRoot: string, id: string): Promise<Collection> {
    const collection = await this.get(actor, apiRoot, id);
    if (!collection.canRead) throw forbidden('collection.read_forbidden', `you may not read collection "${id}"`, { collection: id });
    return collection;
  }

  /**
   * Whether someone outside the actor's organisation may read the collection: one of a community's API root,
   * or one granted to `authenticated`, `anonymous`, a community, another organisation or another user (grants
   * name users, not their organisations, so a colleague's grant counts too). Platform administrators, who
   * read every collection, are not counted. For the personal-data guard (`personal-data-guard.ts`).
   */
  async readableBeyond(actor: Actor, collection: Collection): Promise<boolean> {
    if (collection.access.community !== null) return true;
    const own = new Set(actor.kind === 'user' ? [`user:${actor.userId}`, ...(actor.organisationId === null ? [] : [`org:${actor.organisationId}`])] : []);
    return (await this.collections.grantsOn(collection.id)).some((grant) => grant.can_read === 1 && !own.has(grant.principal));
  }

  async requireWrite(actor: Actor, apiRoot: string, id: string): Promise<Collection> {
    const collection = await this.get(actor, apiRoot, id);
    if (!collection.canWrite) throw forbidden('collection.write_forbidden', `you may not add objects to collection "${id}"`, { collection: id });
    return collection;
  }

  async create(actor: Actor, input: NewCollection): Promise<Collection> {
    if (!isPrivileged(actor)) throw forbidden('collection.create_forbidden', 'only administrators create collections');
    await this.apiRoots.get(actor, input.apiRoot);
    const title = input.title.trim();
    if (!title) throw invalid('collection.title_required', 'a collection needs a title', { field: 'title' });
    if (input.alias !== undefined) {
      if (!ALIAS.test(input.alias)) {
        throw invalid('collection.invalid_alias', `alias "${input.alias}" must be 1–63 lower-case letters, digits, "-" or "_"`, { alias: input.alias, field: 'alias' });
      }
      if (await this.collections.findByAlias(input.apiRoot, input.alias)) {
        throw invalid('collection.alias_taken', `alias "${input.alias}" is already used in API root "${input.apiRoot}"`, { alias: input.alias, field: 'alias' });
      }
    }
    const defaultTlp = input.defaultTlp === undefined ? TLP_GREEN : parseTlpLevel(input.defaultTlp);
    if (defaultTlp === undefined) {
      throw invalid('collection.unknown_tlp', `"${input.defaultTlp}" is not a TLP level: use one of ${TLP_LEVELS.join(', ')}`, { tlp: input.defaultTlp });
    }
    const row: CollectionRow = {
      default_tlp: defaultTlp,
      id: randomUUID(),
      api_root: input.apiRoot,
      title,
      description: input.description ?? null,
      alias: input.alias ?? null,
      created_at: Date.now(),
    };
    const grants = (input.grants ?? []).map((g) => ({ collection_id: row.id, principal: g.principal, can_read: g.read ? 1 : 0, can_write: g.write ? 1 : 0 }));
    const created = this.audit.within(actor, { action: 'collection.create', target: row.id, details: { api_root: row.api_root, title, default_tlp: tlpName(defaultTlp) } });
    const granted = grants.map((g) =>
      this.audit.within(actor, { action: 'collection.grant', target: row.id, details: { principal: g.principal, read: g.can_read === 1, write: g.can_write === 1 } }),
    );
    await this.collections.create(
      row,
      async (tx) => {
        for (const audited of [created, ...granted]) await audited(tx, undefined);
      },
      grants,
    );
    return present(row, { read: true, write: true, granted: true, member: false, recipient: false, community: await this.communityOf(row.api_root) });
  }

  /**
   * Gives (or with both false, takes away) a principal's read and write access. Administrators only.
   * @throws DomainError `forbidden` `collection.grant_forbidden`; `not_found` `collection.not_found`; as
   *   `PrincipalService.check` (`principal.invalid_kind`, `principal.not_found`).
   */
  async grant(actor: Actor, collectionId: string, principal: string, access: { read: boolean; write: boolean }): Promise<void> {
    await this.requireGrantAdmin(actor, collectionId);
    if (principal === 'anonymous' && access.write) {
      throw invalid('collection.anonymous_write', 'anonymous callers may only read: grant "anonymous" read access alone, which makes the collection public', { principal, field: 'principal' });
    }
    await this.principals.check(actor, principal);
    const audited = this.audit.within(actor, { action: 'collection.grant', target: collectionId, details: { principal, read: access.read, write: access.write } });
    await this.collections.setGrant({ collection_id: collectionId, principal, can_read: access.read ? 1 : 0, can_write: access.write ? 1 : 0 }, audited);
  }

  grantsOn(collectionId: string): Promise<GrantRow[]> {
    return this.collections.grantsOn(collectionId);
  }

  /**
   * The grants on a collection, by principal, for an administrator.
   * @throws DomainError `forbidden` `collection.grant_forbidden`; `not_found` `collection.not_found`.
   */
  async grants(actor: Actor, collectionId: string): Promise<Grant[]> {
    await this.requireGrantAdmin(actor, collectionId);
    return (await this.collections.grantsOn(collectionId)).map((g) => ({ principal: g.principal, read: g.can_read === 1, write: g.can_write === 1 }));
  }

  private async requireGrantAdmin(actor: Actor, collectionId: string): Promise<void> {
    if (!isPrivileged(actor)) throw forbidden('collection.grant_forbidden', 'only administrators see and change who may use a collection');
    if (!(await this.collections.find(collectionId))) {
      throw notFound('collection.not_found', `there is no collection "${collectionId}"`, { collection: collectionId });
    }
  }

  private async communityOf(apiRoot: string): Promise<string | null> {
    let id = this.communityByRoot.get(apiRoot);
    if (id === undefined) {
      id = (await this.communities.bySlug(apiRoot))?.id ?? null;
      this.communityByRoot.set(apiRoot, id);
    }
    return id;
  }

  /**
   * How the actor reaches each collection. Read on every call, never cached: a membership change or a newly
   * named recipient holds from the next request.
   */
  private async accessMap(actor: Actor): Promise<(row: CollectionRow) => Promise<Access>> {
    const memberships = actor.kind === 'user' && actor.organisationId !== null ? await this.communities.communitiesOfOrganisation(actor.organisationId) : [];
    const memberOf = new Set(memberships.map((m) => m.slug));
    const communityOf = (row: CollectionRow) => this.communityOf(row.api_root);
    if (isPrivileged(actor)) {
      return async (row) => ({ read: true, write: true, granted: true, member: memberOf.has(row.api_root), recipient: false, community: await communityOf(row) });
    }
    const principals = principalsOf(actor, memberships.map((m) => m.id));
    const byCollection = new Map<string, { read: boolean; write: boolean }>();
    for (const grant of await this.collections.grantsFor(principals)) {
      const current = byCollection.get(grant.collection_id) ?? { read: false, write: false };
      byCollection.set(grant.collection_id, { read: current.read || grant.can_read === 1, write: current.write || grant.can_write === 1 });
    }
    // A grant opens a collection as far as the user's roles allow: a viewer never writes, whatever the grant.
    // Anonymous callers have no roles; a grant to `anonymous` alone decides for them.
    const allowed = actor.kind === 'user' ? { read: can(actor, 'exchange.read'), write: can(actor, 'exchange.write') } : { read: true, write: true };
    const named = allowed.read ? new Set(await this.collections.namingRecipients(principals.filter((p) => p.startsWith('user:') || p.startsWith('org:')))) : new Set<string>();
    return async (row) => {
      const held = byCollection.get(row.id) ?? { read: false, write: false };
      const granted = { read: allowed.read && held.read, write: allowed.write && held.write };
      const recipient = named.has(row.id);
      return {
        read: granted.read || recipient,
        write: granted.write,
        granted: granted.read,
        member: memberOf.has(row.api_root),
        recipient,
        community: granted.read || granted.write || recipient ? await communityOf(row) : null,
      };
    };
  }
}

type Access = CollectionAccess & { read: boolean; write: boolean };

function present(row: CollectionRow, access: Access): Collection {
  const { read, write, ...relation } = access;
  return {
    id: row.id,
    apiRoot: row.api_root,
    title: row.title,
    description: row.description ?? undefined,
    alias: row.alias ?? undefined,
    canRead: read,
    canWrite: write,
    mediaTypes: [STIX_MEDIA_TYPE],
    defaultTlp: Number(row.default_tlp),
    access: relation,
  };
}

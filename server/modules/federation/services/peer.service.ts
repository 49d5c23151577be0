/**
 * Peer hubs: their TAXII API root, the credentials to use there (sealed at rest, never handed out) and the
 * local organisation each stands for. Only the operator and platform administrators configure them.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import { isPrivileged, type Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import type { OrganisationService } from '../../../core/organisations/organisation.service.ts';
import { SYSTEM } from '../../../core/auth/actor.ts';
import type { PeerRepository, PeerRow } from '../repositories/peer.repository.ts';
import type { TaxiiCredentials } from '../taxii-client/taxii-remote.ts';
import type { SecretBox } from './secret-box.ts';

/** A peer as services hand it out: never its credentials, only how it authenticates. */
export interface Peer {
  id: string;
  name: string;
  apiRootUrl: string;
  auth: TaxiiCredentials['kind'];
  organisationId: string;
  createdAt: number;
}

export interface NewPeer {
  name: string;
  url: string;
  credentials: TaxiiCredentials;
  /** Organisation id or name. */
  organisation: string;
  /** Replace the URL, credentials and organisation of a peer of that name. */
  replace?: boolean;
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,62}$/u;

export function requireConfigurer(actor: Actor): void {
  if (!isPrivileged(actor)) throw forbidden('federation.forbidden', 'only platform administrators may configure federation with other hubs');
}

const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

function present(row: PeerRow): Peer {
  return { id: row.id, name: row.name, apiRootUrl: row.api_root_url, auth: row.auth_kind, organisationId: row.organisation_id, createdAt: row.created_at };
}

/** The API root URL, absolute http(s), ending in `/`. */
function apiRootUrlOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('peer.invalid_url', `"${url}" is not an absolute URL of a TAXII API root`, { field: 'url', value: url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalid('peer.invalid_url', `"${url}" is not an absolute URL of a TAXII API root`, { field: 'url', value: url });
  if (parsed.username || parsed.password) throw invalid('peer.credentials_in_url', 'give the credentials with --user and --password-stdin (or --token-stdin), not in the URL', { field: 'url' });
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().endsWith('/') ? parsed.toString() : `${parsed.toString()}/`;
}

export class PeerService {
  private readonly peers: PeerRepository;
  private readonly organisations: OrganisationService;
  private readonly secrets: SecretBox;
  private readonly audit: AuditLog;

  constructor(peers: PeerRepository, organisations: OrganisationService, secrets: SecretBox, audit: AuditLog) {
    this.peers = peers;
    this.organisations = organisations;
    this.secrets = secrets;
    this.audit = audit;
  }

  /**
   * Adds a peer (or, with `replace`, changes one). Recorded as `federation.peer_add` without credentials.
   * @throws DomainError `federation.forbidden`, `peer.invalid_name`, `peer.invalid_url`, `peer.credentials_in_url`,
   *   `peer.exists`, `organisation.not_found`.
   */
  async add(actor: Actor, input: NewPeer): Promise<Peer> {
    requireConfigurer(actor);
    const name = input.name.normalize('NFC').trim();
    if (!NAME.test(name)) throw invalid('peer.invalid_name', `"${input.name}" cannot name a peer: use 1 to 63 letters, digits, spaces, ".", "_" or "-", starting with a letter or digit`, { field: 'name', value: input.name });
    const url = apiRootUrlOf(input.url);
    const organisation = await this.organisations.find(SYSTEM, input.organisation);
    const secret = input.credentials.kind === 'none' ? null : this.secrets.seal(JSON.stringify(input.credentials));
    const existing = await this.peers.find(nameKey(name));
    const row: PeerRow = {
      id: existing?.id ?? randomUUID(),
      name,
      name_key: nameKey(name),
      api_root_url: url,
      auth_kind: input.credentials.kind,
      secret,
      organisation_id: organisation.id,
      created_at: existing?.created_at ?? Date.now(),
    };
    if (existing && !input.replace) throw conflict('peer.exists', `there is already a peer named "${existing.name}"`, { name: existing.name });
    if (existing) await this.peers.update(row);
    else if (!(await this.peers.insert(row))) throw conflict('peer.exists', `there is already a peer named "${name}"`, { name });
    await this.audit.record(actor, { action: 'federation.peer_add', target: row.id, details: { name, url, auth: row.auth_kind, organisation: organisation.id, replaced: Boolean(existing) } });
    return present(row);
  }

  async list(actor: Actor): Promise<Peer[]> {
    requireConfigurer(actor);
    return (await this.peers.list()).map(present);
  }

  /** The ids of the peers standing for an organisation (none for most): one query of the small peer table, no credentials read. */
  async idsStandingFor(actor: Actor, organisationId: string): Promise<string[]> {
    requireConfigurer(actor);
    return this.peers.idsOfOrganisation(organisationId);
  }

  /** @throws DomainError not_found `peer.not_found`. */
  async find(actor: Actor, idOrName: string): Promise<Peer> {
    requireConfigurer(actor);
    return present(await this.row(idOrName));
  }

  /**
   * Removes a peer with its credentials and its links (their syncs stop). What it delivered stays, with its
   * provenance. Recorded as `federation.peer_remove`, with the links removed.
   * @throws DomainError `federation.forbidden`, not_found `peer.not_found`.
   */
  async remove(actor: Actor, idOrName: string): Promise<{ peer: Peer; links: string[] }> {
    requireConfigurer(actor);
    const row = await this.row(idOrName);
    const links = await this.peers.remove(row.id);
    await this.audit.record(actor, { action: 'federation.peer_remove', target: row.id, details: { name: row.name, url: row.api_root_url, links: links.join(' ') } });
    return { peer: present(row), links };
  }

  /** The credentials to use on a peer, for the sync only (never presented). */
  async credentialsOf(peerId: string): Promise<TaxiiCredentials> {
    const row = await this.row(peerId);
    if (row.auth_kind === 'none' || row.secret === null) return { kind: 'none' };
    return JSON.parse(this.secrets.open(row.secret)) as TaxiiCredentials;
  }

  private async row(idOrName: string): Promise<PeerRow> {
    const row = (await this.peers.find(idOrName)) ?? (await this.peers.find(nameKey(idOrName)));
    if (!row) throw notFound('peer.not_found', `there is no peer "${idOrName}"`, { peer: idOrName });
    return row;
  }
}

/**
 * Incidents: a team reports an incident for its organisation; coordinators triage and coordinate it; either
 * closes it (`incident-workflow.ts`). Every incident is a STIX 2.1 `incident` with the Incident Core Extension
 * (`incident-input.ts`), stored through the Exchange's ingest in a collection, so TLP, visibility, validation and
 * the audit log apply to it as to any object; each change (a move, the major flag, a linked sighting) is a new
 * version. Notes are STIX `note` objects whose `object_refs` name the incident; a linked indicator is a
 * `relationship` "indicator detected incident" (the extension's relationship table). Both carry the
 * incident's markings and recipients, so they are never seen wider than the incident.
 *
 * Versions stored by someone outside the reporting organisation name it as a recipient
 * (`x_thiqa_recipient_refs`), so the reporter keeps seeing its incident at AMBER+STRICT.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.ts';
import { forbidden, invalid } from '../../../core/errors.ts';
import { can } from '../../../core/roles/roles.ts';
import { isMajorIncident } from '../../../../shared/stix/incident-core.ts';
import { RECIPIENT_REFS, RECIPIENT_USERS, TLP_AMBER, TLP_RED } from '../../../../shared/stix/sharing.ts';
import type { Collection } from '../../exchange/services/collection.service.ts';
import { COORDINATE } from './incident-roles.ts';
import { buildIncident, checkIncidentRequest, linkKindOf, nextVersion, refsOf, TEXT_MAX, type IncidentChange, type IncidentRequest } from './incident-input.ts';
import { decodeIncidentCursor, encodeIncidentCursor, limitOf } from './incident-page.ts';
import { checkMove, INCIDENT_STATES, parseState, type IncidentState, type Mover } from './incident-workflow.ts';
import { requireIncidentId, SCAN_MAX, type IncidentStore, type VisibleObject } from './incident-store.ts';

export interface IncidentInCollection {
  collectionId: string;
  incident: VisibleObject;
}

export interface IncidentDetail extends IncidentInCollection {
  /** Every version the caller may see, oldest first: the workflow's history. */
  history: VisibleObject[];
  /** Notes about it the caller may see, oldest first. */
  notes: VisibleObject[];
  /** "indicator detected incident" relationships the caller may see. */
  indicators: VisibleObject[];
}

export interface IncidentListFilter {
  state?: string | undefined;
  major?: boolean | undefined;
  /** Incidents at most on the page (1 to 200, default 50). */
  limit?: number | undefined;
  /** The `next` of the previous page. */
  next?: string | undefined;
}

/** A page of incidents; `next` when more may follow. */
export interface IncidentPage {
  collectionId: string;
  incidents: VisibleObject[];
  next: string | undefined;
}

/** Incidents read at once when a filter leaves some out. */
const READ_ROWS = 200;

/**
 * The workflow state of an incident. One stored without Thiqa's state (from another tool), or with a value
 * that is none, counts as reported: a foreign object must not make a collection's incidents unreadable.
 */
export function stateOf(object: Record<string, unknown>): IncidentState {
  const state = object.x_thiqa_incident_state;
  return typeof state === 'string' && (INCIDENT_STATES as readonly string[]).includes(state) ? (state as IncidentState) : 'reported';
}

/**
 * The organisation to add to the recipients of what `own` stores about an incident: its reporter, at AMBER
 * and AMBER+STRICT, when `own` is another organisation (else a version stored by a coordinator would be
 * hidden from the reporter at AMBER+STRICT, as coming from the coordinator's organisation).
 */
function reporterToName({ object, tlp }: VisibleObject, own: string | null): string[] {
  const reporter = typeof object.created_by_ref === 'string' ? object.created_by_ref : null;
  return reporter !== null && reporter !== own && tlp >= TLP_AMBER && tlp < TLP_RED ? [reporter] : [];
}

/** The incident's markings and recipients, for the objects made about it. */
function sharingOf(incident: VisibleObject, own: string | null): Record<string, unknown> {
  const sharing: Record<string, unknown> = {};
  for (const key of ['object_marking_refs', RECIPIENT_REFS, RECIPIENT_USERS]) if (incident.object[key] !== undefined) sharing[key] = structuredClone(incident.object[key]);
  const recipients = [...new Set([...refsOf(sharing[RECIPIENT_REFS]), ...reporterToName(incident, own)])];
  if (recipients.length) sharing[RECIPIENT_REFS] = recipients;
  return sharing;
}

export class IncidentService {
  private readonly store: IncidentStore;
  private readonly now: () => Date;

  constructor(store: IncidentStore, now: () => Date = () => new Date()) {
    this.store = store;
    this.now = now;
  }

  /**
   * Reports an incident for the actor's organisation in a collection it may write.
   * Its `links` are linked as `link` does (indicators by a relationship, stored with it; sightings in its
   * first version).
   * @throws DomainError those of `checkIncidentRequest`; `invalid` `incident.organisation_required` (an
   *   account of no organisation), `incident.rejected`; `object.not_found` (a linked object the reporter may
   *   not see in the collection); the collection's read and write errors.
   */
  async report(actor: Actor, collectionIdOrAlias: string, request: IncidentRequest): Promise<IncidentInCollection> {
    const input = checkIncidentRequest(request);
    const collection = await this.store.collection(actor, collectionIdOrAlias);
    const identityId = await this.store.identityOf(actor);
    if (identityId === null) throw invalid('incident.organisation_required', 'an incident is reported for the reporter’s organisation, and this account belongs to none: report it as a member of an organisation');
    // What it links must be there for the reporter to see before anything is stored.
    for (const ref of [...input.indicatorRefs, ...input.sightingRefs]) await this.store.latest(actor, collection, ref);
    const object = buildIncident(input, { identityId, userName: actor.kind === 'user' ? actor.name : null }, this.now());
    const incident = { object, tlp: input.tlp ?? collection.defaultTlp };
    const relationships = input.indicatorRefs.map((ref) => this.detected(ref, incident, identityId));
    await this.store.store(actor, collection, [object, ...relationships]);
    return { collectionId: collection.id, incident };
  }

  /**
   * A page of the latest versions of the incidents the actor may see in a collection, the last stored change
   * first, filtered. A filtered page looks at `SCAN_MAX` incidents at most, so it may hold fewer than `limit`
   * (even none) and still give a `next`; the last page gives none.
   * @throws DomainError `incident.invalid_state`, `incident.invalid_limit`, `incident.invalid_next`,
   *   `incident.next_mismatch`; the collection's read errors.
   */
  async list(actor: Actor, collectionIdOrAlias: string, filter: IncidentListFilter = {}): Promise<IncidentPage> {
    const state = filter.state === undefined ? undefined : parseState(filter.state);
    const limit = limitOf(filter.limit);
    const filters = { state, major: filter.major };
    let before = filter.next === undefined ? undefined : decodeIncidentCursor(filter.next, filters);
    const collection = await this.store.collection(actor, collectionIdOrAlias);
    const filtered = state !== undefined || filter.major !== undefined;
    const readRows = filtered ? READ_ROWS : limit + 1;
    const incidents: VisibleObject[] = [];
    const page = (more: boolean): IncidentPage => ({ collectionId: collection.id, incidents, next: more && before !== undefined ? encodeIncidentCursor(before, filters) : undefined });
    for (let looked = 0; looked < SCAN_MAX; ) {
      const rows = await this.store.page(actor, collection, 'incident', before, readRows);
      for (const [i, row] of rows.entries()) {
        before = row.dateAdded;
        looked += 1;
        if ((state === undefined || stateOf(row.object) === state) && (filter.major === undefined || isMajorIncident(row.object) === filter.major)) incidents.push({ object: row.object, tlp: row.tlp });
        if (incidents.length === limit) return page(i < rows.length - 1 || rows.length === readRows);
      }
      if (rows.length < readRows) return page(false);
    }
    return page(true);
  }

  /**
   * An incident with its history, notes and linked indicators, as the actor may see them.
   * @throws DomainError `incident.invalid_id`; `object.not_found` (also for one the actor may not see).
   */
  async show(actor: Actor, collectionIdOrAlias: string, id: string): Promise<IncidentDetail> {
    const { collection, incident } = await this.find(actor, collectionIdOrAlias, id);
    const [history, notes, relationships] = await Promise.all([
      this.store.history(actor, collection, id),
      this.store.latestOfType(actor, collection, 'note'),
      this.store.relationshipsTo(actor, collection, id),
    ]);
    const about = notes.filter(({ object }) => refsOf(object.object_refs).includes(id)).sort((a, b) => String(a.object.created).localeCompare(String(b.object.created)));
    const indicators = relationships.filter(({ object }) => object.relationship_type === 'detected' && object.target_ref === id);
    return { collectionId: collection.id, incident, history, notes: about, indicators };
  }

  /**
   * Moves an incident to another state: a new version.
   * @throws DomainError `incident.invalid_state`; those of `checkMove` (`incident.transition_refused`,
   *   `incident.move_forbidden`); as `show`; `incident.rejected`; the collection's write errors.
   */
  async move(actor: Actor, collectionIdOrAlias: string, id: string, state: string): Promise<IncidentInCollection> {
    const to = parseState(state);
    const { collection, incident } = await this.find(actor, collectionIdOrAlias, id);
    checkMove(stateOf(incident.object), to, await this.moversOf(actor, incident.object));
    return this.change(actor, collection, incident, { state: to });
  }

  /**
   * Marks an incident major (or not): a new version, unless it is so already.
   * @throws DomainError `forbidden` `incident.edit_forbidden` (neither its reporter's analyst nor a
   *   coordinator); as `move`.
   */
  async markMajor(actor: Actor, collectionIdOrAlias: string, id: string, major: unknown): Promise<IncidentInCollection> {
    if (typeof major !== 'boolean') throw invalid('incident.invalid_major', 'major is true or false', { field: 'major' });
    const { collection, incident } = await this.find(actor, collectionIdOrAlias, id);
    await this.requireEditor(actor, incident.object);
    if (isMajorIncident(incident.object) === major) return { collectionId: collection.id, incident };
    return this.change(actor, collection, incident, { major });
  }

  /**
   * Adds a note about an incident the actor may see, in its collection.
   * @throws DomainError `invalid` `incident.invalid_note`; as `show`; `incident.rejected`; write errors.
   */
  async note(actor: Actor, collectionIdOrAlias: string, id: string, request: { content?: unknown; abstract?: unknown }): Promise<{ collectionId: string; note: VisibleObject }> {
    const valid = (v: unknown, max: number) => typeof v === 'string' && v.trim() !== '' && v.length <= max;
    if (!valid(request.content, TEXT_MAX) || (request.abstract !== undefined && !valid(request.abstract, 200))) {
      throw invalid('incident.invalid_note', `a note has a content of 1 to ${TEXT_MAX} characters, and an abstract of at most 200`, { field: valid(request.content, TEXT_MAX) ? 'abstract' : 'content', max: TEXT_MAX });
    }
    const { collection, incident } = await this.find(actor, collectionIdOrAlias, id);
    const own = await this.store.identityOf(actor);
    const note: Record<string, unknown> = { ...this.made('note', own), content: (request.content as string).trim(), object_refs: [id], ...sharingOf(incident, own) };
    if (typeof request.abstract === 'string') note.abstract = request.abstract.trim();
    await this.store.store(actor, collection, [note]);
    return { collectionId: collection.id, note: { object: note, tlp: incident.tlp } };
  }

  /**
   * Links an indicator or a sighting of the incident's collection, both visible to the actor: an indicator by
   * a relationship "indicator detected incident"; a sighting in the incident's `x_thiqa_sighting_refs` (a new
   * version, so only its reporter's analysts and coordinators may).
   * @throws DomainError `invalid` `incident.invalid_link`; `object.not_found` (either end);
   *   `incident.edit_forbidden` (a sighting); `incident.rejected`; write errors.
   */
  async link(actor: Actor, collectionIdOrAlias: string, id: string, ref: string): Promise<{ collectionId: string; link: VisibleObject }> {
    const kind = linkKindOf(ref);
    if (kind === undefined) throw invalid('incident.invalid_link', `an incident links to an indicator or a sighting (indicator--<uuid>, sighting--<uuid>), not "${ref}"`, { field: 'ref', ref });
    const { collection, incident } = await this.find(actor, collectionIdOrAlias, id);
    await this.store.latest(actor, collection, ref);
    if (kind === 'sighting') {
      await this.requireEditor(actor, incident.object);
      if (refsOf(incident.object.x_thiqa_sighting_refs).includes(ref)) return { collectionId: collection.id, link: incident };
      return { collectionId: collection.id, link: (await this.change(actor, collection, incident, { sightingRefs: [ref] })).incident };
    }
    const relationship = this.detected(ref, incident, await this.store.identityOf(actor));
    await this.store.store(actor, collection, [relationship]);
    return { collectionId: collection.id, link: { object: relationship, tlp: incident.tlp } };
  }

  private async find(actor: Actor, collectionIdOrAlias: string, id: string): Promise<{ collection: Collection; incident: VisibleObject }> {
    requireIncidentId(id);
    const collection = await this.store.collection(actor, collectionIdOrAlias);
    return { collection, incident: await this.store.latest(actor, collection, id) };
  }

  private async change(actor: Actor, collection: Collection, incident: VisibleObject, change: IncidentChange): Promise<IncidentInCollection> {
    const recipientRefs = reporterToName(incident, await this.store.identityOf(actor));
    const next = nextVersion(incident.object, { ...change, recipientRefs }, this.now());
    await this.store.store(actor, collection, [next]);
    return { collectionId: collection.id, incident: { object: next, tlp: incident.tlp } };
  }

  private async moversOf(actor: Actor, incident: Record<string, unknown>): Promise<Set<Mover>> {
    const movers = new Set<Mover>();
    if (can(actor, COORDINATE)) movers.add('coordinator');
    const own = await this.store.identityOf(actor);
    if (own !== null && own === incident.created_by_ref && can(actor, 'exchange.write')) movers.add('reporter');
    return movers;
  }

  private async requireEditor(actor: Actor, incident: Record<string, unknown>): Promise<void> {
    if ((await this.moversOf(actor, incident)).size === 0) throw forbidden('incident.edit_forbidden', 'only the reporting organisation’s analysts and incident coordinators may change an incident', { id: String(incident.id) });
  }

  /** The relationship "indicator detected incident" made by `own`, with the incident's sharing. */
  private detected(indicatorRef: string, incident: VisibleObject, own: string | null): Record<string, unknown> {
    return { ...this.made('relationship', own), relationship_type: 'detected', source_ref: indicatorRef, target_ref: incident.object.id, ...sharingOf(incident, own) };
  }

  private made(type: 'note' | 'relationship', identityId: string | null): Record<string, unknown> {
    const stamp = this.now().toISOString();
    const object: Record<string, unknown> = { type, spec_version: '2.1', id: `${type}--${randomUUID()}`, created: stamp, modified: stamp };
    if (identityId !== null) object.created_by_ref = identityId;
    return object;
  }
}

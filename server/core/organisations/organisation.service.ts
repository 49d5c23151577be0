/**
 * Organisations: who users belong to, each with the STIX identity its members will publish under.
 *
 * Platform administrators and the operator (`system`) add organisations; any signed-in caller may list and
 * find them (a user needs to see whom it shares with); anonymous callers may not. Adding one is recorded
 * in the audit log (`organisation.add`) in the same transaction as the insert.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit.service.ts';
import { isPrivileged, type Actor } from '../auth/actor.ts';
import { conflict, forbidden, invalid, notFound, unknownLanguage } from '../errors.ts';
import { countryNames, normaliseCountryCode } from './country-code.ts';
import { isLanguage } from '../../../shared/i18n/languages.ts';
import { isIdentifier } from '../../../shared/stix/identifier.ts';
import { buildOrganisationIdentity, type OrganisationIdentity } from './organisation-identity.ts';
import { ORGANISATION_TYPES, organisationType } from './organisation-types.ts';
import type { OrganisationRecord, OrganisationRepository } from './organisation.repository.ts';

/** An organisation as services and presenters see it. */
export interface Organisation {
  id: string;
  name: string;
  /** A code of `ORGANISATION_TYPES`. */
  type: string;
  subtype: string | null;
  /** ISO 3166-1 alpha-2, upper case; null only for a regional or international organisation. */
  country: string | null;
  sector: string | null;
  /** `identity--<uuid>`: what its members' objects name as `created_by_ref`. */
  identityId: string;
  identity: OrganisationIdentity;
  createdAt: number;
}

/** What `add` takes. `country` is case-insensitive; blank optional texts count as absent. */
export interface NewOrganisation {
  name: string;
  type: string;
  subtype?: string | undefined;
  country?: string | undefined;
  sector?: string | undefined;
  /**
   * The STIX identity the organisation already publishes under (`identity--<uuid>`), e.g. the one its own hub
   * gave it: the same organisation then has the same identity on every hub, so what names it as a recipient
   * names it everywhere. A new one is made when absent.
   */
  identity?: string | undefined;
}

export interface OrganisationServiceOptions {
  now?: () => number;
}

// Any characters but control characters: names are in Arabic, French, Chinese…
const NAME = /^[^\p{Cc}]{1,200}$/u;
const SECTOR = /^[^\p{Cc}]{1,100}$/u;

const blankToUndefined = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : text.trim());

function toOrganisation(record: OrganisationRecord): Organisation {
  const { identity, ...rest } = record;
  return { ...rest, identity: JSON.parse(identity) as OrganisationIdentity };
}

/** Adding, listing and finding organisations. */
export class OrganisationService {
  private readonly organisations: OrganisationRepository;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(organisations: OrganisationRepository, audit: AuditLog, options: OrganisationServiceOptions = {}) {
    this.organisations = organisations;
    this.audit = audit;
    this.now = options.now ?? Date.now;
  }

  /**
   * Adds an organisation and builds its STIX identity.
   * @throws DomainError `forbidden` `organisation.forbidden` (not an administrator); `invalid`
   *   `organisation.invalid_name`, `organisation.invalid_type`, `organisation.invalid_subtype`,
   *   `organisation.invalid_country`, `organisation.country_required`, `organisation.invalid_sector`,
   *   `organisation.invalid_identity`; `conflict` `organisation.exists` (the name in any case),
   *   `organisation.identity_taken`.
   */
  async add(actor: Actor, input: NewOrganisation): Promise<Organisation> {
    if (!isPrivileged(actor)) throw forbidden('organisation.forbidden', 'only administrators add organisations');
    const facts = validate(input);
    const identityId = identityOf(input.identity);
    if (identityId && (await this.organisations.list()).some((o) => o.identityId === identityId)) {
      throw conflict('organisation.identity_taken', `another organisation already has the identity ${identityId}`, { identity: identityId, field: 'identity' });
    }
    const createdAt = this.now();
    const identity = buildOrganisationIdentity({ id: identityId ?? `identity--${randomUUID()}`, createdAt, ...facts });
    const record: OrganisationRecord = { id: randomUUID(), ...facts, identityId: identity.id, identity: JSON.stringify(identity), createdAt };
    const details = { name: record.name, type: record.type, country: record.country, identity: record.identityId };
    if (!(await this.organisations.insert(record, this.audit.within(actor, { action: 'organisation.add', target: record.id, details })))) {
      throw conflict('organisation.exists', `an organisation named "${record.name}" already exists`, { name: record.name });
    }
    return toOrganisation(record);
  }

  /**
   * Every organisation, by name.
   * @throws DomainError `forbidden` `organisation.forbidden` (anonymous).
   */
  async list(actor: Actor): Promise<Organisation[]> {
    requireSignedIn(actor);
    return (await this.organisations.list()).map(toOrganisation);
  }

  /**
   * Every ISO 3166-1 country with its name in `language`, sorted as that language sorts (for choosing an
   * organisation's country in the user's language).
   * @throws DomainError `invalid` `language.unknown` (not one of the six UN languages).
   */
  countries(language: string): { code: string; name: string }[] {
    if (!isLanguage(language)) throw unknownLanguage(language);
    return countryNames(language);
  }

  /**
   * The organisation with that id, or else that name (any case).
   * @throws DomainError `not_found` `organisation.not_found`; `forbidden` `organisation.forbidden` (anonymous).
   */
  async find(actor: Actor, idOrName: string): Promise<Organisation> {
    requireSignedIn(actor);
    const record = await this.organisations.findByIdOrName(idOrName);
    if (!record) throw notFound('organisation.not_found', `no organisation "${idOrName}"`, { organisation: idOrName });
    return toOrganisation(record);
  }
}

function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw forbidden('organisation.forbidden', 'sign in to see organisations');
}

/** Checks and normalises the input; answers the stored facts. */
/** The identity given, checked; undefined when none was given. */
function identityOf(text: string | undefined): string | undefined {
  const given = blankToUndefined(text)?.toLowerCase();
  if (given === undefined) return undefined;
  if (!isIdentifier(given) || !given.startsWith('identity--')) {
    throw invalid('organisation.invalid_identity', `"${text}" is not a STIX identity id (identity--<uuid>)`, { identity: text, field: 'identity' });
  }
  return given;
}

function validate(input: NewOrganisation): Pick<OrganisationRecord, 'name' | 'type' | 'subtype' | 'country' | 'sector'> {
  const name = input.name.trim().normalize('NFC');
  if (!NAME.test(name)) throw invalid('organisation.invalid_name', 'an organisation name is 1 to 200 characters, no control characters', { name: input.name, field: 'name' });
  const type = organisationType(input.type);
  if (!type) {
    const allowed = ORGANISATION_TYPES.map((t) => t.code).join(', ');
    throw invalid('organisation.invalid_type', `"${input.type}" is not an organisation type (${allowed})`, { type: input.type, allowed, field: 'type' });
  }
  const subtype = blankToUndefined(input.subtype) ?? null;
  if (subtype !== null && !type.subtypes.includes(subtype)) {
    const allowed = type.subtypes.join(', ');
    const message = allowed ? `"${subtype}" is not a subtype of ${type.code} (${allowed})` : `${type.code} takes no subtype`;
    throw invalid('organisation.invalid_subtype', message, { type: type.code, subtype, allowed, field: 'subtype' });
  }
  const countryText = blankToUndefined(input.country);
  const country = countryText === undefined ? null : normaliseCountryCode(countryText);
  if (country === undefined) {
    throw invalid('organisation.invalid_country', `"${countryText}" is not an ISO 3166-1 alpha-2 country code`, { country: countryText, field: 'country' });
  }
  if (country === null && type.needsCountry) {
    throw invalid('organisation.country_required', `an organisation of type ${type.code} needs a country`, { type: type.code, field: 'country' });
  }
  const sector = blankToUndefined(input.sector) ?? null;
  if (sector !== null && !SECTOR.test(sector)) throw invalid('organisation.invalid_sector', 'a sector is 1 to 100 characters, no control characters', { sector, field: 'sector' });
  return { name, type: type.code, subtype, country, sector };
}

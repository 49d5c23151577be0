/** What the object service hands out and takes: stored versions, deletions, pages, the recipient directory, limits. */
import type { ReadScope, VersionRow } from '../repositories/object.repository.ts';
import type { PersonalDataMode } from './personal-data-guard.ts';
import { bodyFor } from './visibility.ts';

/** One stored version of an object, as services hand it out. */
export interface StoredVersion {
  id: string;
  /** Timestamp key of the version; '' for objects with neither `modified` nor `created`. */
  version: string;
  /** Microseconds since the epoch. */
  dateAdded: number;
  specVersion: string;
  type: string;
  /** The object as UTF-8 JSON (listings with bodies only). */
  body: Uint8Array | undefined;
  /** With bodies only: the version's TLP rank and the organisation that stored it (for federation). */
  tlp?: number | undefined;
  originOrg?: string | null | undefined;
}

/** A deletion in a collection (see `ObjectService.deletionsSince`). */
export interface Deletion {
  /** Its place in the store's `date_added` order (microseconds). */
  at: number;
  id: string;
  /** The version keys deleted, or `all`. */
  versions: string[] | 'all';
  /** The most restrictive TLP rank and an origin organisation of the versions deleted. */
  tlp: number;
  originOrg: string | null;
}

export interface Page {
  rows: StoredVersion[];
  more: boolean;
  next: string | undefined;
}

/** Where the recipients an object names are looked up: organisations by STIX identity id, users by name. */
export interface RecipientDirectory {
  /** Identity id → organisation id, for those of `identityIds` that are organisations of this hub. */
  organisationsByIdentity(identityIds: readonly string[]): Promise<Map<string, string>>;
  /** Lower-cased user name → user id, for those of `names` that are users. */
  usersByName(names: readonly string[]): Promise<Map<string, string>>;
}

/** How `ingestGuarded` is asked: where the batch starts in the request, its TAXII status, the guard's mode. */
export interface GuardedIngest {
  offset?: number;
  statusId?: string;
  personalData: PersonalDataMode;
}

export interface PageLimits {
  pageDefault: number;
  pageMax: number;
}

/** A stored row as the reader with `scope` is given it (properties above its clearance left out). */
export function toStoredVersion(row: VersionRow, scope: ReadScope): StoredVersion {
  const body = row.body && bodyFor(row.body, row.redactions, row.clearance, scope.cap);
  return { id: row.stix_id, version: row.version, dateAdded: row.date_added, specVersion: row.spec_version, type: row.type, body, tlp: row.tlp, originOrg: row.origin_org };
}

/** The REST API's answers, as the UI reads them (the server's OpenAPI document at /api/openapi.json is the reference). */

export type TlpName = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';
export const TLP_NAMES: readonly TlpName[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export interface Organisation {
  id: string;
  name: string;
  type: string;
  subtype: string | null;
  country: string | null;
  sector: string | null;
  identity_id: string;
  created_at: string;
}

export interface User {
  id: string;
  name: string;
  admin: boolean;
  roles: string[];
  language: string | null;
  disabled: boolean;
  organisation_id: string | null;
  created_at: string;
}

/** GET /me: the signed-in user, its organisation and that organisation's communities. */
export interface Caller {
  user: User;
  organisation: Organisation | null;
  communities: Community[];
}

export interface Role {
  name: string;
  description: string;
  includes: string[];
  permissions: string[];
  organisation_permissions: string[];
}

export interface Community {
  id: string;
  name: string;
  slug: string;
  api_root: string;
  description: string | null;
  created_at: string;
  members?: number;
}

export interface CommunityWithMembers extends Omit<Community, 'members'> {
  members: { organisation_id: string; joined_at: string }[];
}

export interface Collection {
  id: string;
  api_root: string;
  title: string;
  description: string | null;
  alias: string | null;
  can_read: boolean;
  can_write: boolean;
  default_tlp: TlpName;
}

export interface Grant {
  principal: string;
  read: boolean;
  write: boolean;
}

export interface ObjectSummary {
  id: string;
  type: string;
  name: string | null;
  description: string | null;
  tlp: TlpName;
  version: string | null;
  date_added: string;
  organisation: { id: string; name: string } | null;
  collection: string;
  /** The enabled MISP warning lists the object's values are on (likely false positives); empty when none. */
  warning_lists: WarningListFlag[];
}

/** A warning list one of an object's values is on. */
export interface WarningListFlag {
  name: string;
  type: string;
  matched_value: string;
}

export interface Relationship {
  relationship: ObjectSummary;
  relationship_type: string | null;
  other: ObjectSummary | null;
  /** Null when the relationship has no such end (an anonymous sighting names no one where it was seen). */
  other_id: string | null;
}

export interface ObjectDetail {
  object: Record<string, unknown>;
  summary: ObjectSummary;
  versions: { version: string; date_added: string }[];
  relationships: { outgoing: Relationship[]; incoming: Relationship[] };
}

export interface Dashboard {
  collections: number;
  recent: ObjectSummary[];
  by_type: { type: string; count: number }[];
  by_tlp: { tlp: TlpName; count: number }[];
  activity: {
    community: { id: string; name: string };
    collection: { id: string; title: string };
    organisation: { id: string; name: string } | null;
    objects: number;
    last_added: string;
  }[];
}

export interface ImportResult {
  total: number;
  stored: number;
  duplicates: number;
  rejected: number;
  /** Findings of personal data replaced by `[redacted]`. */
  redacted: number;
  /** What the importer decided about personal data, when asked. */
  personal_data: 'confirm' | 'redact' | null;
  results: {
    index: number;
    id: string | null;
    type: string | null;
    outcome: 'stored' | 'duplicate' | 'rejected';
    problems: { rule: string; path: string; message: string; params?: Record<string, string | number> }[];
  }[];
}

/** A peer hub (never its credentials). */
export interface FederationPeer {
  id: string;
  name: string;
  api_root_url: string;
  auth: 'basic' | 'bearer' | 'none';
  organisation: string;
  created_at: string;
}

/** A link between a peer's collection and a local one, with its health. */
export interface FederationLink {
  id: string;
  peer: string;
  remote_collection: string;
  local_api_root: string;
  local_collection: string;
  direction: 'pull' | 'push' | 'both';
  mode: 'scheduled' | 'continuous';
  propagate_deletions: boolean;
  community: string | null;
  status: { last_success_at: string | null; last_attempt_at: string | null; failures: number; last_error: { code: string; message: string } | null };
  created_at: string;
}

/** What a peer sent that could not be stored, as received. */
/** A version a push link held back for personal data (`GET /federation/personal-data`). */
export interface PersonalDataHold {
  link: string;
  object_id: string;
  version: string;
  kinds: string[];
  held_at: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  pushed_at: string | null;
}

export interface QuarantinedObject {
  id: string;
  peer: string;
  link: string;
  received_at: string;
  object_id: string | null;
  reasons: string[];
  object: string;
  truncated: boolean;
}

/**
 * The Gateway's REST answers as the UI reads them (records, their history, the search with its facets, the
 * moderation queue, likely duplicates); the server's OpenAPI document at /api/openapi.json is the reference.
 * Also the paths of those resources and the UI addresses of the Gateway's pages, built in one place so that
 * every id is encoded the same way.
 */
import type { Facet } from '../../../shared/gateway/record-index.ts';
import type { GatewayRecord, MultilingualText, RecordType } from '../../../shared/gateway/record-types.ts';
import type { Language } from '../../../shared/i18n/languages.ts';

export type RecordStatus = 'pending' | 'published' | 'rejected' | 'merged';
export type RevisionState = 'pending' | 'accepted' | 'rejected' | 'changes_requested' | 'superseded';
export type RevisionKind = 'new' | 'correction';
export type DuplicateReason = 'title' | 'source_url';
export type FlagState = 'open' | 'dismissed' | 'merged';
export type ModerationAction = 'accept' | 'reject' | 'request_changes';

export interface Person {
  id: string;
  name: string;
}

export interface RecordSummary {
  id: string;
  type: RecordType;
  status: RecordStatus;
  title: MultilingualText;
}

/** GET /gateway/records/{id}. */
export interface GatewayRecordView {
  id: string;
  type: RecordType;
  status: RecordStatus;
  revision: number;
  revision_state: RevisionState;
  record: GatewayRecord;
  languages: Language[];
  proposed_at: string;
  published_at: string | null;
  updated_at: string | null;
  merged_into: string | null;
  /** For its proposer and the moderators; null for others. */
  proposed_by: Person | null;
  /** Open flags, for its proposer and the moderators; `other` null when the reader may not see it. */
  duplicates: { id: string; reasons: DuplicateReason[]; flagged_at: string; other: RecordSummary | null }[];
}

export interface Revision {
  revision: number;
  kind: RevisionKind;
  state: RevisionState;
  based_on: number | null;
  record: GatewayRecord;
  proposed_at: string;
  moderated_at: string | null;
  proposed_by: Person | null;
  note: string | null;
  moderated_by: Person | null;
  comment: string | null;
}

/** GET /gateway/records/{id}/history: the revisions the reader may see, oldest first. */
export interface RecordHistory {
  id: string;
  type: RecordType;
  status: RecordStatus;
  revisions: Revision[];
}

/** A published record as the search lists it. */
export interface PublishedRecord {
  id: string;
  type: RecordType;
  revision: number;
  record: GatewayRecord;
  languages: Language[];
  published_at: string;
  updated_at: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** GET /gateway/records. */
export interface SearchAnswer {
  total: number;
  records: PublishedRecord[];
  facets: Record<Facet, FacetCount[]>;
  next: string | null;
}

export interface QueuedRevision {
  id: string;
  type: RecordType;
  status: RecordStatus;
  revision: number;
  kind: RevisionKind;
  based_on: number | null;
  title: MultilingualText;
  record: GatewayRecord;
  note: string | null;
  proposed_by: Person;
  proposed_at: string;
  /** Open duplicate flags of the record. */
  duplicates: number;
}

/** GET /gateway/moderation. */
export interface ModerationQueue {
  total: number;
  queue: QueuedRevision[];
}

export interface ModerationAnswer {
  record: GatewayRecordView;
  decision: 'accepted' | 'rejected' | 'changes_requested';
}

export interface DuplicatePair {
  id: string;
  state: FlagState;
  reasons: DuplicateReason[];
  flagged_at: string;
  decided_by: Person | null;
  decided_at: string | null;
  record: RecordSummary;
  other: RecordSummary;
}

/** GET /gateway/duplicates. */
export interface DuplicateList {
  total: number;
  duplicates: DuplicatePair[];
}

export interface MergeAnswer {
  id: string;
  state: FlagState;
  merged: RecordSummary;
  into: RecordSummary;
}

const segment = encodeURIComponent;

/** REST paths (below /api/v1) of the Gateway's resources. */
export const gatewayPaths = {
  records: '/gateway/records',
  moderation: '/gateway/moderation',
  duplicates: '/gateway/duplicates',
  record: (id: string) => `/gateway/records/${segment(id)}`,
  history: (id: string) => `/gateway/records/${segment(id)}/history`,
  revisions: (id: string) => `/gateway/records/${segment(id)}/revisions`,
  moderate: (id: string, revision: number) => `/gateway/records/${segment(id)}/revisions/${revision}/moderate`,
  dismiss: (flag: string) => `/gateway/duplicates/${segment(flag)}/dismiss`,
  merge: (flag: string) => `/gateway/duplicates/${segment(flag)}/merge`,
  gaps: '/gateway/gaps',
  network: '/gateway/network',
  matching: '/gateway/matching',
  facts: (country: string) => `/gateway/countries/${segment(country)}/facts`,
};

/** UI addresses (below /ui) of the Gateway's pages. */
export const gatewayPages = {
  search: '/gateway',
  propose: (type?: RecordType) => `/gateway/propose${type ? `?type=${segment(type)}` : ''}`,
  moderation: '/gateway/moderation',
  duplicates: '/gateway/duplicates',
  gaps: '/gateway/gaps',
  network: '/gateway/network',
  matching: (country?: string) => `/gateway/matching${country ? `?country=${segment(country)}` : ''}`,
  record: (id: string) => `/gateway/records/${segment(id)}`,
  correct: (id: string) => `/gateway/records/${segment(id)}/correct`,
};

/** GET /gateway/countries/{country}/facts: its standing, and every published record naming it, newest first. */
export interface CountryFacts extends CountryStanding {
  published: PublishedRecord[];
}

/** The facts the gaps are about, as the server names them. */
export type GapFact = 'national_cirt' | 'strategy' | 'agreement';
export type FactState = 'yes' | 'unconfirmed' | 'no';
export const GAP_FACTS: readonly GapFact[] = ['national_cirt', 'strategy', 'agreement'];
export const FACT_STATES: readonly FactState[] = ['yes', 'unconfirmed', 'no'];

export interface CountryStanding {
  country: string;
  region: string | null;
  sub_region: string | null;
  facts: Record<GapFact, FactState>;
  records: Record<GapFact, number>;
}

export interface GapsReport {
  region: string | null;
  countries: CountryStanding[];
  regions: { code: string; level: 'region' | 'sub-region'; countries: number; facts: Record<GapFact, Record<FactState, number>> }[];
  gaps: Record<GapFact, string[]>;
  unconfirmed: Record<GapFact, string[]>;
}

export type AgreementForm = 'bilateral' | 'multilateral';

export interface NetworkNode {
  id: string;
  kind: 'country' | 'organisation';
  name: string;
  region: string | null;
  sub_region: string | null;
  agreements: number;
}

export interface NetworkAgreement {
  id: string;
  title: Record<string, string>;
  form: AgreementForm;
  status: string | null;
  signed_date: string | null;
  parties: string[];
}

export interface NetworkAnswer {
  nodes: NetworkNode[];
  agreements: NetworkAgreement[];
  edges: { source: string; target: string; form: AgreementForm; status: string | null; agreements: string[] }[];
}

export type OfferReach = 'country' | 'sub-region' | 'region' | 'world';

export interface MatchingAnswer {
  country: string;
  region: string | null;
  sub_region: string | null;
  edition: { name: string; kind: string; status: string; year: number | null } | null;
  offers: number;
  needs: { question: string; number: string; text: Record<string, string>; pillar: string; indicator: string; priority: number; offers: (PublishedRecord & { reach: OfferReach })[] }[];
}

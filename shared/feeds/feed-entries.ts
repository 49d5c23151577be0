/**
 * What a STIX object gives a defender's feed: one entry per value it names — observables (ipv4-addr,
 * ipv6-addr, domain-name, url, email-addr, the SHA-256 of a file) by their value, indicators by the values
 * their STIX pattern asserts (`indicator-values.ts`). Revoked objects, indicators past `valid_until` and
 * indicators whose pattern is not STIX give nothing. Values are in normal form (`feed-values.ts`).
 */
import { tlpName, type TlpLevel } from '../stix/sharing.ts';
import { normaliseValue, type ValueKind } from './feed-values.ts';
import { indicatorValues, type IndicatorValue } from './indicator-values.ts';

/** One value of a feed and what its source object says of it. */
export interface FeedEntry {
  kind: ValueKind;
  value: string;
  tlp: TlpLevel;
  labels: readonly string[];
  confidence: number | undefined;
  validFrom: string | undefined;
  validUntil: string | undefined;
  /** The object that names the value. */
  sourceId: string;
  sourceType: string;
}

const OBSERVABLE_KINDS: Readonly<Record<string, ValueKind>> = {
  'ipv4-addr': 'ipv4',
  'ipv6-addr': 'ipv6',
  'domain-name': 'domain',
  url: 'url',
  'email-addr': 'email',
};

/** The object types that may give entries of these kinds (the store is asked for these only). */
export function sourceTypesOf(kinds: readonly ValueKind[]): string[] {
  const observables = Object.entries(OBSERVABLE_KINDS).filter(([, kind]) => kinds.includes(kind)).map(([type]) => type);
  return ['indicator', ...(kinds.includes('sha256') ? ['file'] : []), ...observables];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The labels of an object: `labels`, and OpenCTI's `x_opencti_labels` (observables have no `labels` in STIX 2.1). */
export function labelsOf(object: Readonly<Record<string, unknown>>): string[] {
  const labels = [object.labels, object.x_opencti_labels].flatMap((list) => (Array.isArray(list) ? list.filter((l): l is string => typeof l === 'string') : []));
  return [...new Set(labels)];
}

function rawValues(object: Readonly<Record<string, unknown>>): IndicatorValue[] {
  const type = text(object.type) ?? '';
  if (type === 'indicator') return object.pattern_type === 'stix' && typeof object.pattern === 'string' ? indicatorValues(object.pattern) : [];
  if (type === 'file') {
    const hashes = object.hashes;
    const sha256 = hashes && typeof hashes === 'object' ? text((hashes as Record<string, unknown>)['SHA-256']) : undefined;
    return sha256 === undefined ? [] : [{ kind: 'sha256', value: sha256 }];
  }
  const kind = OBSERVABLE_KINDS[type];
  const value = text(object.value);
  return kind && value !== undefined ? [{ kind, value }] : [];
}

/**
 * The entries of one object, stored at TLP rank `tlp`, as of `now` (ms): none when the object is revoked or
 * an indicator whose `valid_until` has passed. A value with no normal form is counted in `skipped`. With
 * `kinds`, values of other kinds are passed over (neither listed nor counted).
 */
export function entriesOf(object: Readonly<Record<string, unknown>>, tlp: number, now: number, kinds?: ReadonlySet<ValueKind>): { entries: FeedEntry[]; skipped: number } {
  if (object.revoked === true) return { entries: [], skipped: 0 };
  const validUntil = text(object.valid_until);
  if (validUntil !== undefined && !(Date.parse(validUntil) > now)) return { entries: [], skipped: 0 };
  const labels = labelsOf(object);
  const confidence = typeof object.confidence === 'number' ? object.confidence : undefined;
  const base = { tlp: tlpName(tlp), labels, confidence, validFrom: text(object.valid_from), validUntil, sourceId: text(object.id) ?? '', sourceType: text(object.type) ?? '' };
  const entries: FeedEntry[] = [];
  let skipped = 0;
  const seen = new Set<string>();
  for (const { kind, value } of rawValues(object)) {
    if (kinds && !kinds.has(kind)) continue;
    const normal = normaliseValue(kind, value);
    if (normal === undefined) {
      skipped++;
      continue;
    }
    if (seen.has(`${kind} ${normal}`)) continue;
    seen.add(`${kind} ${normal}`);
    entries.push({ kind, value: normal, ...base });
  }
  return { entries, skipped };
}

/**
 * Labels that mark a value as a source of spam, compared without regard to case: plain words, and the MISP
 * taxonomies' tags as MISP exports them as labels (RSIT / eCSIRT `abusive-content="spam"`, the malware
 * classification's `malware-category="spam"`).
 */
export const SPAM_LABELS: readonly string[] = [
  'spam',
  'spam-source',
  'spammer',
  'rsit:abusive-content="spam"',
  'ecsirt:abusive-content="spam"',
  'malware_classification:malware-category="spam"',
];

const SPAM = new Set(SPAM_LABELS);

/** Whether an entry's source labels it a spam source. */
export function isSpamSource(entry: Pick<FeedEntry, 'labels'>): boolean {
  return entry.labels.some((label) => SPAM.has(label.trim().toLowerCase()));
}

/** Entries in the one order every writer uses: kind, value, source id. */
export function sortEntries(entries: FeedEntry[]): FeedEntry[] {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return entries.sort((a, b) => order(a.kind, b.kind) || order(a.value, b.value) || order(a.sourceId, b.sourceId));
}

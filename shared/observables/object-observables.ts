/**
 * The observable values a STIX object carries, in normal form: an SCO's value (addresses, domain names, URLs,
 * e-mail addresses) or hashes (files, artifacts), and every constant an indicator's STIX pattern compares for
 * equality or membership (`=`, `IN`; see `shared/stix/pattern-values.ts`). File names and certificate
 * fingerprints are not observables here; values with no normal form are left out.
 */
import { patternValues, type PatternValueKind } from '../stix/pattern-values.ts';
import { normaliseHash, normaliseObservable, type Observable, type ObservableType } from './observable.ts';

const VALUE_TYPES: ReadonlySet<string> = new Set<ObservableType>(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr']);
const HASHED_TYPES: ReadonlySet<string> = new Set(['file', 'artifact']);
const PATTERN_TYPES: Readonly<Partial<Record<PatternValueKind, ObservableType>>> = {
  'ipv4-addr': 'ipv4-addr',
  'ipv6-addr': 'ipv6-addr',
  'domain-name': 'domain-name',
  url: 'url',
  'email-addr': 'email-addr',
  'file-hash': 'file-hash',
};

function patternObservables(pattern: string): (Observable | undefined)[] {
  return patternValues(pattern).map((found) => {
    const type = PATTERN_TYPES[found.type];
    return type === undefined ? undefined : normaliseObservable(type, found.value);
  });
}

function hashObservables(hashes: unknown): (Observable | undefined)[] {
  if (typeof hashes !== 'object' || hashes === null) return [];
  return Object.values(hashes).map((digest) => (typeof digest === 'string' ? normaliseHash(digest) : undefined));
}

/** The distinct observables of an object, in the order found. */
export function objectObservables(object: Readonly<Record<string, unknown>>): Observable[] {
  const type = String(object.type);
  let found: (Observable | undefined)[] = [];
  if (VALUE_TYPES.has(type) && typeof object.value === 'string') found = [normaliseObservable(type as ObservableType, object.value)];
  else if (HASHED_TYPES.has(type)) found = hashObservables(object.hashes);
  else if (type === 'indicator' && object.pattern_type === 'stix' && typeof object.pattern === 'string') found = patternObservables(object.pattern);
  const seen = new Set<string>();
  return found.filter((o): o is Observable => {
    if (o === undefined || seen.has(`${o.type} ${o.value}`)) return false;
    seen.add(`${o.type} ${o.value}`);
    return true;
  });
}

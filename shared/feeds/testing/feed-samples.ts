/** Feed entries for tests: built from STIX objects through `entriesOf`, as the service builds them. */
import { entriesOf, sortEntries, type FeedEntry } from '../feed-entries.ts';

/** The sorted entries of objects, each at TLP:GREEN, as of `now`. */
export function entriesFrom(objects: readonly Record<string, unknown>[], now = Date.parse('2026-01-01T00:00:00Z')): FeedEntry[] {
  return sortEntries(objects.flatMap((object) => entriesOf(object, 1, now).entries));
}

let n = 0;
const id = (type: string) => `${type}--00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** An indicator of a STIX pattern, with optional labels. */
export function indicator(pattern: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'indicator', spec_version: '2.1', id: id('indicator'), created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z', pattern, pattern_type: 'stix', valid_from: '2025-01-01T00:00:00Z', ...more };
}

/** An observable with a `value`. */
export function observable(type: string, value: string): Record<string, unknown> {
  return { type, spec_version: '2.1', id: id(type), value };
}

/** Values that test every writer's escaping and normalisation, besides the reference bundles' own. */
export const AWKWARD_OBJECTS: readonly Record<string, unknown>[] = [
  observable('domain-name', 'Bücher.Example.'),
  observable('url', 'http://evil.example/a;b"c\\d|e?q=ü'),
  observable('url', 'https://[2001:db8::5]:8443/x'),
  observable('ipv6-addr', '2001:0db8:0:0:0:0:0:7'),
  observable('ipv6-addr', '2001:db8:aa::/48'),
  observable('email-addr', 'Spam.King@Mail.Example'),
  { type: 'file', spec_version: '2.1', id: id('file'), hashes: { 'SHA-256': 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855' } },
  indicator("[ipv4-addr:value = '203.0.113.9' OR ipv4-addr:value = '198.51.100.0/25']", { labels: ['spam'] }),
  indicator("[ipv4-addr:value = '192.0.2.0/23']", { labels: ['rsit:abusive-content="spam"'] }),
  indicator("[ipv4-addr:value = '127.0.0.1']", { labels: ['Spam-Source'] }),
  indicator("[ipv4-addr:value = '198.18.0.1']", { labels: ['phishing'] }),
];

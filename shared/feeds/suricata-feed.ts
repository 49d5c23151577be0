/**
 * Suricata rules (Suricata 6 and later) from a feed's values:
 * - IP: `alert ip any any -> [a,b,…] any`, the IPv4 and IPv6 values (CIDR blocks too) in chunks;
 * - domain: a DNS query rule (`dns.query`), a TLS SNI rule (`tls.sni`) and an HTTP host rule (`http.host`) each,
 *   matching the domain and its subdomains only: the buffer is `dotprefix`ed and the content `.domain` must
 *   end it, so `evil.example` matches `evil.example` and `a.evil.example` but not `notevil.example`;
 * - URL: an HTTP rule on the host (`http.host`, whole) and the path and query (`http.uri`, whole).
 * Each rule's `sid` is derived from what it matches (FNV-1a, within `[sidBase, sidBase + sidRange)`,
 * collisions moved to the next free number in value order), so the same value keeps its sid from one fetch to
 * the next. Contents are escaped: `"`, `;`, `\`, `|` and every byte outside printable ASCII as `|hex|`.
 * `http.host` is lower-cased by Suricata, so its contents are lower case and take no `nocase`.
 */
import type { FeedEntry } from './feed-entries.ts';
import { distinctValues } from './blocklist-feed.ts';

export interface SuricataOptions {
  /** Named in every rule's `msg`. */
  feedName: string;
  sidBase: number;
  sidRange: number;
  /** Addresses per IP rule. */
  ipChunk?: number;
}

/** The local range of sids by convention (1,000,000–1,999,999). */
export const DEFAULT_SID_BASE = 1_000_000;
export const DEFAULT_SID_RANGE = 1_000_000;

const encoder = new TextEncoder();

/** A `content` value: printable ASCII as is, the rest (and `"`, `;`, `\`, `|`) as `|hex|`. */
export function suricataContent(text: string): string {
  let out = '';
  let hex: string[] = [];
  const flush = () => {
    if (hex.length) out += `|${hex.join(' ')}|`;
    hex = [];
  };
  for (const byte of encoder.encode(text)) {
    if (byte >= 0x20 && byte < 0x7f && !'";\\|'.includes(String.fromCharCode(byte))) {
      flush();
      out += String.fromCharCode(byte);
    } else hex.push(byte.toString(16).toUpperCase().padStart(2, '0'));
  }
  flush();
  return out;
}

/** A `msg` text: `"`, `;` and `\` escaped by a backslash, anything outside printable ASCII as `?`. */
export function suricataMessage(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/["\\;]/g, (c) => `\\${c}`);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Hands out sids by key, stable for a key whatever else the feed holds, unless two keys collide. */
class Sids {
  private readonly used = new Set<number>();
  private readonly options: SuricataOptions;

  constructor(options: SuricataOptions) {
    this.options = options;
  }

  next(key: string): number {
    const { sidBase, sidRange } = this.options;
    if (this.used.size >= sidRange) throw new RangeError(`the feed needs more than ${sidRange} sids`);
    let offset = fnv1a(key) % sidRange;
    while (this.used.has(offset)) offset = (offset + 1) % sidRange;
    this.used.add(offset);
    return sidBase + offset;
  }
}

/** How many rules `writeSuricataRules` writes for these entries (to check a sid range before writing). */
export function suricataRuleCount(entries: readonly FeedEntry[], ipChunk = 100): number {
  const ips = distinctValues(entries, 'ipv4').length + distinctValues(entries, 'ipv6').length;
  return Math.ceil(ips / ipChunk) + 3 * distinctValues(entries, 'domain').length + distinctValues(entries, 'url').length;
}

/** The rules file of sorted entries. */
export function writeSuricataRules(entries: readonly FeedEntry[], options: SuricataOptions): string {
  const sids = new Sids(options);
  const name = suricataMessage(options.feedName);
  const rule = (header: string, msg: string, body: string, key: string) => `alert ${header} (msg:"Thiqa ${name}: ${msg}"; ${body ? `${body} ` : ''}sid:${sids.next(key)}; rev:1;)`;
  const lines = [`# Suricata rules of the Thiqa feed ${name}`];
  const ips = [...distinctValues(entries, 'ipv4'), ...distinctValues(entries, 'ipv6')];
  const chunk = options.ipChunk ?? 100;
  const parts = Math.ceil(ips.length / chunk);
  for (let i = 0; i < parts; i++) {
    const list = ips.slice(i * chunk, (i + 1) * chunk);
    lines.push(rule(`ip any any -> [${list.join(',')}] any`, `IP blocklist part ${i + 1} of ${parts}`, '', `ip ${i}`));
  }
  for (const domain of distinctValues(entries, 'domain')) {
    const content = suricataContent(`.${domain}`);
    const shown = suricataMessage(domain);
    lines.push(rule('dns any any -> any any', `DNS query for ${shown}`, `dns.query; dotprefix; content:"${content}"; nocase; endswith;`, `dns ${domain}`));
    lines.push(rule('tls any any -> any any', `TLS SNI ${shown}`, `flow:established,to_server; tls.sni; dotprefix; content:"${content}"; nocase; endswith;`, `tls ${domain}`));
    lines.push(rule('http any any -> any any', `HTTP host ${shown}`, `flow:established,to_server; http.host; dotprefix; content:"${content}"; endswith;`, `host ${domain}`));
  }
  for (const url of distinctValues(entries, 'url')) {
    const parsed = new URL(url);
    const host = suricataContent(parsed.hostname.toLowerCase());
    const path = suricataContent(`${parsed.pathname}${parsed.search}`);
    lines.push(
      rule(
        'http any any -> any any',
        `URL ${suricataMessage(url)}`,
        `flow:established,to_server; http.host; content:"${host}"; startswith; endswith; http.uri; content:"${path}"; startswith; endswith;`,
        `url ${url}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

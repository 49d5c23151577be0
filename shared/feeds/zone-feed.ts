/**
 * DNS zones in BIND's master file format (RFC 1035 §5) from a feed's values: a response policy zone (RPZ)
 * and a DNSBL of spam sources; and the same DNSBL as an rbldnsd `ip4set` dataset. Owner names are relative,
 * so the DNS operator loads the file under whatever zone name it serves (`zone` is used to leave out a name
 * that would be longer than 255 octets under it). Every zone has its SOA (the serial given, which the
 * service raises whenever the content changes) and an NS record (`localhost.`: the zone is served where the
 * operator loads it, not delegated by this file).
 */
import { ipv6Bits } from './feed-values.ts';
import { isSpamSource, type FeedEntry } from './feed-entries.ts';
import { distinctValues } from './blocklist-feed.ts';

export interface ZoneOptions {
  feedName: string;
  /** SOA serial, 1 … 2^32-1. */
  serial: number;
  /** The zone name the file is meant for, to check name lengths against. */
  zone: string;
  ttl?: number;
}

/** The A record a DNSBL answers for a listed address (RFC 5782 §2.3). */
export const DNSBL_ANSWER = '127.0.0.2';

function header(options: ZoneOptions): string[] {
  const ttl = options.ttl ?? 300;
  return [
    `; ${zoneComment(options.feedName)}`,
    `$TTL ${ttl}`,
    `@ IN SOA localhost. hostmaster.localhost. ${options.serial} 3600 600 604800 ${ttl}`,
    '@ IN NS localhost.',
  ];
}

function zoneComment(name: string): string {
  return `Thiqa feed ${name.replace(/[\r\n]/g, ' ')}`;
}

/** Whether a relative owner name fits under the zone (255 octets in wire form). */
function fits(relative: string, zone: string): boolean {
  return relative.length + 1 + zone.replace(/\.$/, '').length + 2 <= 255;
}

/** RPZ's `rpz-ip` owner of an IPv4 address or block: `prefix.d.c.b.a` (the IETF RPZ draft, §4.1). */
export function rpzIpv4(value: string): string {
  const [address, prefix = '32'] = value.split('/');
  return `${prefix}.${address!.split('.').reverse().join('.')}.rpz-ip`;
}

/** RPZ's `rpz-ip` owner of an IPv6 address or block: prefix, then the eight words reversed, the longest run of zero words as `zz`. */
export function rpzIpv6(value: string): string {
  const [address, prefix = '128'] = value.split('/');
  const bits = ipv6Bits(address!);
  const words = Array.from({ length: 8 }, (_, i) => ((bits >> BigInt(16 * i)) & 0xffffn).toString(16));
  // The longest run of zeros (of two words or more), the first such in the address's order, becomes `zz`.
  let best: [number, number] = [-1, 0];
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === '0') j++;
    if (j - i > best[1] || (j - i === best[1] && j - i > 0)) best = j - i >= 2 ? [i, j - i] : best;
    i = j === i ? i + 1 : j;
  }
  const labels = best[0] < 0 ? words : [...words.slice(0, best[0]), 'zz', ...words.slice(best[0] + best[1])];
  return `${prefix}.${labels.join('.')}.rpz-ip`;
}

/** An RPZ zone answering NXDOMAIN (`CNAME .`) for each domain and its subdomains, and for each IP address or block in answers. */
export function writeRpzZone(entries: readonly FeedEntry[], options: ZoneOptions): string {
  const lines = header(options);
  for (const domain of distinctValues(entries, 'domain')) {
    // A name ending in an RPZ trigger label would be read as another trigger.
    if (/\.rpz-[a-z-]+$/.test(domain) || !fits(`*.${domain}`, options.zone)) continue;
    lines.push(`${domain} CNAME .`, `*.${domain} CNAME .`);
  }
  for (const ip of distinctValues(entries, 'ipv4')) lines.push(`${rpzIpv4(ip)} CNAME .`);
  for (const ip of distinctValues(entries, 'ipv6')) lines.push(`${rpzIpv6(ip)} CNAME .`);
  return `${lines.join('\n')}\n`;
}

/** The IPv4 values of the entries labelled as spam sources (`SPAM_LABELS`), distinct and sorted. */
export function spamSources(entries: readonly FeedEntry[]): string[] {
  return distinctValues(entries.filter(isSpamSource), 'ipv4');
}

/** A TXT string: `"` and `\` escaped, other bytes outside printable ASCII as `\DDD`, at most 255 octets. */
function txt(text: string): string {
  let out = '';
  let octets = 0;
  for (const byte of new TextEncoder().encode(text)) {
    if (++octets > 255) break;
    const c = String.fromCharCode(byte);
    out += byte < 0x20 || byte >= 0x7f ? `\\${String(byte).padStart(3, '0')}` : c === '"' || c === '\\' ? `\\${c}` : c;
  }
  return `"${out}"`;
}

/**
 * The names a DNSBL lists for an IPv4 value: the reversed address for one address; for a block, the
 * reversed addresses when it is smaller than a /24, else a wildcard per /24, /16 or /8 it covers (at most 256
 * names); blocks shorter than /8 are too broad to list and give none.
 */
export function dnsblNames(value: string): string[] {
  const [address, prefixText] = value.split('/');
  const octets = address!.split('.').map(Number);
  if (prefixText === undefined) return [octets.reverse().join('.')];
  const prefix = Number(prefixText);
  if (prefix < 8) return [];
  const boundary = Math.ceil(prefix / 8) * 8;
  const count = 2 ** (boundary - prefix);
  const start = octets.reduce((n, o) => n * 256 + o, 0);
  const step = 2 ** (32 - boundary);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = start + i * step;
    const parts = [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).slice(0, boundary / 8);
    names.push(boundary === 32 ? parts.reverse().join('.') : `*.${parts.reverse().join('.')}`);
  }
  return names;
}

/**
 * A DNSBL zone in BIND format: for each spam source, its reversed address answering `127.0.0.2` and a TXT
 * reason; and the test entry RFC 5782 §5 asks for (127.0.0.2 listed; 127.0.0.1 never is).
 */
export function writeDnsblZone(entries: readonly FeedEntry[], options: ZoneOptions): string {
  const lines = header(options);
  const reason = txt(`Listed as a spam source by the Thiqa feed ${options.feedName}`);
  const names = new Set(['2.0.0.127']);
  for (const ip of spamSources(entries)) for (const name of dnsblNames(ip)) if (name !== '1.0.0.127') names.add(name);
  for (const name of names) lines.push(`${name} A ${DNSBL_ANSWER}`, `${name} TXT ${reason}`);
  return `${lines.join('\n')}\n`;
}

/** The same DNSBL as an rbldnsd `ip4set` dataset: `$SOA`, `$NS`, the default answer and reason, then one address or block a line. */
export function writeRbldnsdDataset(entries: readonly FeedEntry[], options: ZoneOptions): string {
  const ttl = options.ttl ?? 300;
  const reason = `Listed as a spam source by the Thiqa feed ${options.feedName}`.replace(/[^\x20-\x7e]/g, '?');
  const lines = [
    `# ${zoneComment(options.feedName).replace(/[^\x20-\x7e]/g, '?')}`,
    `$SOA ${ttl} localhost. hostmaster.localhost. ${options.serial} 3600 600 604800 ${ttl}`,
    `$NS ${ttl} localhost.`,
    `:${DNSBL_ANSWER}:${reason}`,
    '127.0.0.2',
    // rbldnsd reads a block shorter than /8 too, but it is as broad in this format as in the BIND one.
    ...spamSources(entries).filter((ip) => !ip.includes('/') || Number(ip.split('/')[1]) >= 8).filter((ip) => ip !== '127.0.0.1'),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Synthetic observable values (IPv4 addresses, domains, URLs, e-mail addresses, file hashes), the STIX
 * Cyber-observable Objects that carry them, and the STIX patterns indicators use to detect them.
 *
 * Values are unique within one generated stream, so every SCO has its own deterministic id and a benchmark
 * of N objects really stores N distinct things. Uniqueness comes from counters pushed through bijections,
 * not from a set of seen values, so memory does not grow with the stream.
 */
import { computeScoId } from '../stix/index.ts';
import type { SeededRandom } from './random.ts';
import { RecentPool } from './reference-pool.ts';
import {
  DOMAIN_SUFFIXES, DOMAIN_WORDS, FILE_EXTENSIONS, FILE_NAMES, PERSON_NAMES, URL_PATHS,
} from './vocabulary.ts';

/** The SCO types the generator produces. */
export const SCO_TYPES = ['ipv4-addr', 'domain-name', 'url', 'file', 'email-addr'] as const;
export type ScoType = (typeof SCO_TYPES)[number];

/** Runs of /24 networks (as 24-bit prefixes) reserved for documentation, benchmarks, shared space, future use. */
const DOCUMENTATION_NETWORKS = [(192 << 16) | 2, (198 << 16) | (51 << 8) | 100, (203 << 16) | 113]; // RFC 5737
const IPV4_BLOCKS: readonly { networks: number; prefix: (index: number) => number }[] = [
  { networks: 3, prefix: (index) => DOCUMENTATION_NETWORKS[index]! },
  { networks: 512, prefix: (index) => ((198 << 16) | (18 << 8)) + index }, // 198.18.0.0/15, RFC 2544
  { networks: 16_384, prefix: (index) => ((100 << 16) | (64 << 8)) + index }, // 100.64.0.0/10, RFC 6598
  { networks: 1 << 20, prefix: (index) => (240 << 16) + index }, // 240.0.0.0/4, RFC 1112
];
const HOSTS_PER_NETWORK = 254; // .1 to .254: skip network and broadcast addresses
// Prime, coprime with every block size (all are 2^k·3^j·127), small enough that n·STRIDE stays exact in a double.
const STRIDE = 1_000_003;

/** One value a pattern can test, e.g. `ipv4-addr:value` = `198.51.100.7`. */
export interface Observation {
  type: ScoType;
  path: string;
  value: string;
}

/** Makes unique observable values and the SCOs for them, remembering recent ones for indicators to reuse. */
export class ObservableSource {
  private readonly random: SeededRandom;
  private readonly offset: number;
  private readonly mask: number;
  private ipCount = 0;
  private dgaCount = 0;
  // One counter per word combination; bounded by the vocabulary (a few thousand entries at most).
  private readonly wordCounts = new Map<string, number>();
  private readonly recent = new Map<ScoType, RecentPool<Observation>>(
    SCO_TYPES.map((type) => [type, new RecentPool<Observation>(64)]),
  );

  constructor(random: SeededRandom) {
    this.random = random;
    this.offset = random.nextUint32();
    this.mask = random.nextUint32();
  }

  /** A new IPv4 address from reserved ranges, never repeated in this stream. */
  ipv4(): string {
    let n = this.ipCount++;
    for (const block of IPV4_BLOCKS) {
      const size = block.networks * HOSTS_PER_NETWORK;
      if (n < size) {
        const slot = (n * STRIDE + (this.offset % size)) % size;
        const prefix = block.prefix(Math.floor(slot / HOSTS_PER_NETWORK));
        return `${prefix >>> 16}.${(prefix >>> 8) & 0xff}.${prefix & 0xff}.${(slot % HOSTS_PER_NETWORK) + 1}`;
      }
      n -= size;
    }
    throw new RangeError('ran out of reserved IPv4 addresses');
  }

  /** A new domain under a reserved name: phishing-style words or a DGA-style string, never repeated. */
  domain(): string {
    const suffix = this.random.pick(DOMAIN_SUFFIXES);
    if (this.random.chance(0.35)) {
      // The leading letters encode a scrambled counter (a bijection on 32 bits), so no two are equal.
      let x = Math.imul((this.dgaCount++ ^ this.mask) >>> 0, 0x9e3779b1) >>> 0;
      x = (x ^ (x >>> 15)) >>> 0;
      let label = '';
      for (let i = 0; i < 7; i++, x = Math.floor(x / 26)) label += String.fromCharCode(97 + (x % 26));
      for (let i = this.random.int(2, 6); i > 0; i--) label += String.fromCharCode(97 + this.random.int(0, 25));
      return `${label}.${suffix}`;
    }
    // Word names always contain a hyphen and DGA names never do, so the two styles cannot collide.
    const base = `${this.random.pick(DOMAIN_WORDS)}-${this.random.pick(DOMAIN_WORDS)}`;
    const key = `${base}.${suffix}`;
    const seen = this.wordCounts.get(key) ?? 0;
    this.wordCounts.set(key, seen + 1);
    return seen === 0 ? key : `${base}${seen + 1}.${suffix}`;
  }

  /** A new URL on a new domain. */
  url(): string {
    const scheme = this.random.chance(0.7) ? 'https' : 'http';
    const query = this.random.chance(0.3) ? `?id=${this.random.hex(8)}` : '';
    return `${scheme}://${this.domain()}/${this.random.pick(URL_PATHS)}${query}`;
  }

  /** A new sender address on a new domain. */
  email(): string {
    return `${this.random.pick(PERSON_NAMES)}.${this.random.pick(PERSON_NAMES)}@${this.domain()}`;
  }

  /** A new SCO of the given type, with its id computed from its id-contributing properties. */
  sco(type: ScoType, markingRefs: readonly string[]): Record<string, unknown> {
    const properties = this.scoProperties(type);
    // Always defined: every type here is an SCO with id-contributing properties present.
    const id = computeScoId({ type, ...properties })!;
    const value = type === 'file'
      ? ((properties.hashes as Record<string, string>)['SHA-256'] as string)
      : (properties.value as string);
    this.recent.get(type)!.add({ type, path: type === 'file' ? "hashes.'SHA-256'" : 'value', value });
    return {
      type,
      spec_version: '2.1',
      id,
      ...properties,
      ...(markingRefs.length > 0 ? { object_marking_refs: markingRefs } : {}),
    };
  }

  /** An observation for a pattern: usually one of a recent SCO (so indicators and SCOs match), else new. */
  observation(type: ScoType): Observation {
    const reused = this.random.chance(0.5) ? this.recent.get(type)!.pick(this.random) : undefined;
    if (reused) return reused;
    switch (type) {
      case 'ipv4-addr': return { type, path: 'value', value: this.ipv4() };
      case 'domain-name': return { type, path: 'value', value: this.domain() };
      case 'url': return { type, path: 'value', value: this.url() };
      case 'email-addr': return { type, path: 'value', value: this.email() };
      case 'file': return { type, path: "hashes.'SHA-256'", value: this.random.hex(64) };
    }
  }

  private scoProperties(type: ScoType): Record<string, unknown> {
    switch (type) {
      case 'ipv4-addr': return { value: this.ipv4() };
      case 'domain-name': return { value: this.domain() };
      case 'url': return { value: this.url() };
      case 'email-addr': return this.random.chance(0.4)
        ? { value: this.email(), display_name: `${this.random.pick(PERSON_NAMES)} (IT support)` }
        : { value: this.email() };
      case 'file': {
        const hashes: Record<string, string> = { 'SHA-256': this.random.hex(64) };
        if (this.random.chance(0.5)) hashes.MD5 = this.random.hex(32);
        if (this.random.chance(0.3)) hashes['SHA-1'] = this.random.hex(40);
        return {
          hashes,
          name: `${this.random.pick(FILE_NAMES)}_${this.random.int(1, 999)}.${this.random.pick(FILE_EXTENSIONS)}`,
          size: this.random.int(2_048, 8_000_000),
        };
      }
    }
  }
}

/** Quotes a string for a STIX pattern literal. */
function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** One comparison, e.g. `ipv4-addr:value = '198.51.100.7'`. */
function comparison(observation: Observation): string {
  return `${observation.type}:${observation.path} = ${literal(observation.value)}`;
}

/**
 * A STIX pattern over the given observations: one is a single comparison; two of the same type are an `OR`
 * inside one observation; two of different types are two observations joined by `AND` or `OR`.
 */
export function stixPattern(observations: readonly Observation[], random: SeededRandom): string {
  const [first, second] = observations;
  if (!first) throw new RangeError('a pattern needs at least one observation');
  if (!second) return `[${comparison(first)}]`;
  if (first.type === second.type) return `[${comparison(first)} OR ${comparison(second)}]`;
  return `[${comparison(first)}] ${random.chance(0.5) ? 'AND' : 'OR'} [${comparison(second)}]`;
}

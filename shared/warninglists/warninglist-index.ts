/**
 * `WarningListIndex`: built once from the enabled warning lists, it answers which of them a value is on.
 *
 * Matching, by list type (MISP's semantics, `app/Model/Warninglist.php`):
 * - `cidr`: the value is an IPv4 or IPv6 address inside one of the list's networks (or plain addresses); a
 *   value that is itself a network matches when the whole network is inside the list's; an IPv4-mapped IPv6
 *   address (`::ffff:10.0.0.1`) is checked as its IPv4 address too. One table over all
 *   cidr lists (`RangeTable`): a lookup is one binary search.
 * - `hostname`: the value's host or any parent domain is an entry (`www.example.com` is on a list holding
 *   `example.com`); entries and values lower-cased, dots at the ends ignored. The host of a `url` and the
 *   domain of an `email-addr` are taken.
 * - `string`: the value equals an entry. MISP compares exactly (`isset`), and it stores domains, hostnames,
 *   e-mail addresses and hashes lower-cased; so lists written in capitals (`tlds`: `COM`) never match there.
 *   Here values of those kinds (`FOLDED`) are compared without case, since they mean the same in any case;
 *   others (URLs, file names) exactly.
 * - `substring`: an entry occurs in the (normalised) value, case-sensitively (`str_contains`); one
 *   Aho–Corasick automaton over all substring lists.
 * - `regex`: an entry matches the (normalised) value; entries `compileRegexEntry` refuses are skipped.
 * Then only the lists that apply to the value's kind (`matching_attributes`, `kindsOfList`) are answered.
 */
import type { PatternValue, PatternValueKind } from '../stix/pattern-values.ts';
import { parseNetwork } from './ip-address.ts';
import { kindKey, kindsOfList, type KindKey } from './matching-attributes.ts';
import { RangeTable } from './range-table.ts';
import { compileRegexEntry, REGEX_VALUE_MAX } from './regex-entry.ts';
import { SubstringAutomaton } from './substring-automaton.ts';
import type { WarningList, WarningListType } from './warninglist-file.ts';

/** A list a value is on. */
export interface WarningListHit {
  /** The list's name. */
  name: string;
  type: WarningListType;
  /** The value that matched, as given. */
  matchedValue: string;
}

const HEX = /^[0-9a-f]+$/i;
/** Kinds whose values mean the same in any case: string entries are compared with them without case. */
const FOLDED = new Set<PatternValueKind>(['domain-name', 'email-addr', 'file-hash', 'x509-fingerprint']);

/** The value as MISP stores an attribute of its kind: domains and e-mail addresses lower-cased, hex hashes too. */
export function normalisedValue(kind: PatternValueKind, value: string): string {
  const trimmed = value.trim();
  if (kind === 'domain-name') return trimmed.toLowerCase().replace(/\.+$/, '');
  if (kind === 'email-addr') return trimmed.toLowerCase();
  if ((kind === 'file-hash' || kind === 'x509-fingerprint') && HEX.test(trimmed)) return trimmed.toLowerCase();
  return trimmed;
}

const hostKey = (host: string) => host.toLowerCase().replace(/^\.+|\.+$/g, '');

/**
 * The host of a URL (without user, port or IPv6 brackets), lower-cased; with no scheme, the text before the
 * first "/", as MISP reads it. Read by hand rather than by `new URL` (a third of a check's time): a host is
 * compared as written, with no IDNA conversion, as the lists write theirs.
 */
export function urlHost(url: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  const rest = scheme ? url.slice(scheme[0].length) : url;
  const end = rest.search(/[/?#\\]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  let host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    host = close < 0 ? host.slice(1) : host.slice(1, close);
  } else {
    host = host.replace(/:\d*$/, '');
  }
  const key = hostKey(host.trim());
  return key || undefined;
}

/** The host name a hostname list is checked against, by kind. */
function hostOf(kind: PatternValueKind, value: string): string | undefined {
  if (kind === 'url') return urlHost(value);
  if (kind === 'email-addr') {
    const at = value.lastIndexOf('@');
    return at < 0 ? undefined : hostKey(value.slice(at + 1));
  }
  if (kind === 'file-hash' || kind === 'x509-fingerprint') return undefined;
  return hostKey(value.trim());
}

function ipOf(kind: PatternValueKind, value: string) {
  return parseNetwork(kind === 'url' ? (urlHost(value) ?? '') : value);
}

/** What a lookup of one kind does: the types of the lists that apply to it, and which lists those are. */
interface Plan {
  types: Set<WarningListType>;
  applies: Uint8Array;
  regexes: { list: number; regex: RegExp }[];
}

export class WarningListIndex {
  /** Sorted by name, so answering lists in index order answers them by name. */
  private readonly lists: readonly WarningList[];
  private readonly applies: readonly (Set<KindKey> | 'all')[];
  private readonly plans = new Map<KindKey, Plan>();
  private readonly v4: RangeTable<number>;
  private readonly v6: RangeTable<bigint>;
  private readonly hostnames = new Map<string, number[]>();
  private readonly strings = new Map<string, number[]>();
  /** The string entries lower-cased, for the kinds compared without case. */
  private readonly foldedStrings = new Map<string, number[]>();
  private readonly substrings: SubstringAutomaton;
  private readonly regexes: { list: number; regex: RegExp }[] = [];

  /** Indexes `lists` (the enabled ones); entries a list cannot use are left out, as the reader reports them. */
  constructor(given: readonly WarningList[]) {
    const lists = [...given].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.lists = lists;
    this.applies = lists.map((list) => kindsOfList(list.matchingAttributes));
    const v4: { list: number; range: { first: number; last: number } }[] = [];
    const v6: { list: number; range: { first: bigint; last: bigint } }[] = [];
    const substrings = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, list: number) => {
      const holders = map.get(key);
      if (!holders) map.set(key, [list]);
      else if (holders[holders.length - 1] !== list) holders.push(list);
    };
    lists.forEach((list, i) => {
      for (const entry of list.entries) {
        if (list.type === 'cidr') {
          const network = parseNetwork(entry);
          if (network?.family === 4) v4.push({ list: i, range: network.range });
          else if (network?.family === 6) v6.push({ list: i, range: network.range });
        } else if (list.type === 'hostname') {
          const key = hostKey(entry.trim());
          if (key) add(this.hostnames, key, i);
        } else if (list.type === 'string') {
          add(this.strings, entry, i);
          add(this.foldedStrings, entry.toLowerCase(), i);
        } else if (list.type === 'substring') {
          add(substrings, entry, i);
        } else {
          const compiled = compileRegexEntry(entry);
          if (compiled.ok) this.regexes.push({ list: i, regex: compiled.regex });
        }
      }
    });
    this.v4 = new RangeTable(v4, (x) => x + 1);
    this.v6 = new RangeTable(v6, (x) => x + 1n);
    this.substrings = new SubstringAutomaton(substrings);
  }

  /** The number of lists indexed. */
  get size(): number {
    return this.lists.length;
  }

  /** The lists (by name, ascending) `value` of `kind` is on; `hashAlgorithm` for hashes (`SHA-256`, `md5`). */
  hits(kind: PatternValueKind, value: string, hashAlgorithm?: string): WarningListHit[] {
    const plan = this.planOf(kindKey(kind, hashAlgorithm));
    if (plan.types.size === 0) return [];
    const found = new Set<number>();
    const take = (lists: readonly number[]) => {
      for (const list of lists) if (plan.applies[list]) found.add(list);
    };
    if (plan.types.has('cidr')) {
      const network = ipOf(kind, value);
      if (network) {
        const { first, last } = network.range;
        if (network.family === 4) take(first === last ? this.v4.listsAt(first as number) : this.v4.listsCovering(network.range));
        else take(first === last ? this.v6.listsAt(first as bigint) : this.v6.listsCovering(network.range));
        // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is that IPv4 address too.
        if (network.family === 6 && first === last && (first as bigint) >> 32n === 0xffffn) take(this.v4.listsAt(Number((first as bigint) & 0xffffffffn)));
      }
    }
    if (plan.types.has('hostname')) {
      const host = hostOf(kind, value);
      if (host) {
        // The host, then each parent domain: www.example.com, example.com, com.
        for (let start = 0; start >= 0; ) {
          const lists = this.hostnames.get(host.slice(start));
          if (lists) take(lists);
          const dot = host.indexOf('.', start);
          start = dot < 0 ? -1 : dot + 1;
        }
      }
    }
    const normal = normalisedValue(kind, value);
    if (plan.types.has('string')) {
      const exact = FOLDED.has(kind) ? this.foldedStrings.get(normal.toLowerCase()) : this.strings.get(normal);
      if (exact) take(exact);
    }
    if (plan.types.has('substring')) for (const [, lists] of this.substrings.find(normal)) take(lists);
    if (plan.regexes.length && normal.length <= REGEX_VALUE_MAX) {
      for (const { list, regex } of plan.regexes) if (regex.test(normal)) found.add(list);
    }
    if (found.size === 0) return [];
    return [...found].sort((a, b) => a - b).map((i) => ({ name: this.lists[i]!.name, type: this.lists[i]!.type, matchedValue: value }));
  }

  /** The lists that apply to a kind, and their types (computed once per kind). */
  private planOf(key: KindKey): Plan {
    let plan = this.plans.get(key);
    if (!plan) {
      const applies = Uint8Array.from(this.applies, (kinds) => (kinds === 'all' || kinds.has(key) ? 1 : 0));
      plan = {
        applies,
        types: new Set(this.lists.filter((_, i) => applies[i]).map((list) => list.type)),
        regexes: this.regexes.filter(({ list }) => applies[list]),
      };
      this.plans.set(key, plan);
    }
    return plan;
  }

  /** Whether `value` is on any list. */
  isListed(kind: PatternValueKind, value: string, hashAlgorithm?: string): boolean {
    return this.hits(kind, value, hashAlgorithm).length > 0;
  }

  /** The lists any of `values` is on, one hit per list and value. */
  hitsOf(values: readonly PatternValue[]): WarningListHit[] {
    return values.flatMap((v) => this.hits(v.type, v.value, v.hashAlgorithm));
  }
}

/**
 * The plain values a STIX pattern looks for: `[ipv4-addr:value = '1.2.3.4']` names the address 1.2.3.4.
 *
 * Only equality comparisons (`=`, and `IN (…)` lists) of the properties below are taken, joined by `AND`, `OR`,
 * `FOLLOWEDBY` and parentheses in any way; a comparison negated (`NOT =`), any other operator (`!=`, `LIKE`,
 * `MATCHES`, `>`…) and other properties are left out, as are qualifiers (`WITHIN`, `START … STOP`). What a
 * pattern matches as a whole (an AND of several values) is not decided here: each value is listed.
 * A pattern that does not scan (an unterminated string) answers the values found before the fault.
 *
 * | path | kind |
 * | --- | --- |
 * | `ipv4-addr:value`, `ipv6-addr:value` | `ipv4-addr`, `ipv6-addr` |
 * | `network-traffic:src_ref.value`, `network-traffic:dst_ref.value` | `ipv4-addr` or `ipv6-addr`, by the value's form |
 * | `domain-name:value` | `domain-name` |
 * | `url:value` | `url` |
 * | `email-addr:value`, `email-message:from_ref.value`, `…:sender_ref.value`, `…:to_refs[*].value`, `…:cc_refs[*].value` | `email-addr` |
 * | `file:hashes.<algorithm>`, `artifact:hashes.<algorithm>` | `file-hash` with `hashAlgorithm` |
 * | `file:name` | `file-name` |
 * | `x509-certificate:hashes.<algorithm>` | `x509-fingerprint` with `hashAlgorithm` |
 *
 * Used by the warning lists (flagging indicators) and the defenders' exports (values of indicators).
 */

export type PatternValueKind = 'ipv4-addr' | 'ipv6-addr' | 'domain-name' | 'url' | 'email-addr' | 'file-hash' | 'file-name' | 'x509-fingerprint';

export interface PatternValue {
  type: PatternValueKind;
  value: string;
  /** For hashes: the algorithm as the pattern names it, unquoted (`SHA-256`, `MD5`). */
  hashAlgorithm?: string;
}

type Token =
  | { t: 'path'; text: string }
  | { t: 'string'; text: string }
  | { t: 'word'; text: string }
  | { t: 'punct'; text: string };

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Letters, digits, `_`, `-`, `:` and `.`: what an object path is made of besides quoted keys and indexes. */
const isPathChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 || c === 45 || c === 58 || c === 46;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

const EMAIL_REFS = /^email-message:(from_ref|sender_ref|to_refs\[(\*|\d+)\]|cc_refs\[(\*|\d+)\]|bcc_refs\[(\*|\d+)\])\.value$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;

/** Reads a quoted string from `i` (at the quote); answers its text and the index after it, or undefined. */
function quoted(pattern: string, i: number): { text: string; end: number } | undefined {
  let text = '';
  for (let j = i + 1; j < pattern.length; j++) {
    const c = pattern[j]!;
    if (c === '\\' && j + 1 < pattern.length) {
      text += pattern[++j];
    } else if (c === "'") {
      return { text, end: j + 1 };
    } else {
      text += c;
    }
  }
  return undefined;
}

/** An object path: `type:prop.sub.'quoted key'[*]`, answered with quoted keys unquoted. */
function objectPath(pattern: string, i: number): { text: string; end: number } {
  let text = '';
  let j = i;
  while (j < pattern.length) {
    const c = pattern[j]!;
    if (isPathChar(pattern.charCodeAt(j))) {
      text += c;
      j++;
    } else if (c === "'" && text.endsWith('.')) {
      const key = quoted(pattern, j);
      if (!key) break;
      text += key.text;
      j = key.end;
    } else if (c === '[' && /^\[(\*|\d+)\]/.test(pattern.slice(j, j + 12))) {
      const close = pattern.indexOf(']', j);
      text += pattern.slice(j, close + 1);
      j = close + 1;
    } else {
      break;
    }
  }
  return { text, end: j };
}

function tokens(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    const code = pattern.charCodeAt(i);
    if (isSpace(code)) {
      i++;
    } else if (c === "'") {
      const s = quoted(pattern, i);
      if (!s) break;
      out.push({ t: 'string', text: s.text });
      i = s.end;
    } else if (isLetter(code)) {
      // A word directly followed by a quote is a typed literal: t'…', b'…', h'…'.
      if (/^[tbh]'/.test(pattern.slice(i, i + 2))) {
        const s = quoted(pattern, i + 1);
        if (!s) break;
        out.push({ t: 'word', text: 'literal' });
        i = s.end;
        continue;
      }
      const p = objectPath(pattern, i);
      out.push(p.text.includes(':') ? { t: 'path', text: p.text } : { t: 'word', text: p.text.toUpperCase() });
      i = p.end;
    } else if (c === '!' || c === '<' || c === '>') {
      const two = pattern.slice(i, i + 2);
      const op = two === '!=' || two === '<=' || two === '>=' ? two : c;
      out.push({ t: 'punct', text: op });
      i += op.length;
    } else {
      out.push({ t: 'punct', text: c });
      i++;
    }
  }
  return out;
}

function kindOf(path: string, value: string): Omit<PatternValue, 'value'> | undefined {
  if (path === 'ipv4-addr:value') return { type: 'ipv4-addr' };
  if (path === 'ipv6-addr:value') return { type: 'ipv6-addr' };
  if (path === 'network-traffic:src_ref.value' || path === 'network-traffic:dst_ref.value') return { type: IPV4.test(value) ? 'ipv4-addr' : value.includes(':') ? 'ipv6-addr' : 'domain-name' };
  if (path === 'domain-name:value') return { type: 'domain-name' };
  if (path === 'url:value') return { type: 'url' };
  if (path === 'email-addr:value' || EMAIL_REFS.test(path)) return { type: 'email-addr' };
  if (path === 'file:name') return { type: 'file-name' };
  const hash = /^(file|artifact|x509-certificate):hashes\.(.+)$/.exec(path);
  if (hash) return { type: hash[1] === 'x509-certificate' ? 'x509-fingerprint' : 'file-hash', hashAlgorithm: hash[2]! };
  return undefined;
}

/**
 * The values a STIX pattern compares for equality, in the order written (see the module's note for which).
 * Never throws: an unreadable pattern answers what was read before the fault.
 * @example patternValues("[file:hashes.'SHA-256' = 'ab…'] OR [url:value = 'http://x/']")
 *   // [{ type: 'file-hash', value: 'ab…', hashAlgorithm: 'SHA-256' }, { type: 'url', value: 'http://x/' }]
 */
export function patternValues(pattern: string): PatternValue[] {
  const list = tokens(pattern);
  const found: PatternValue[] = [];
  const add = (path: string, value: string) => {
    const kind = kindOf(path, value);
    if (kind) found.push({ ...kind, value });
  };
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    if (token.t !== 'path') continue;
    const op = list[i + 1];
    if (op?.t === 'punct' && op.text === '=' && list[i + 2]?.t === 'string') {
      add(token.text, list[i + 2]!.text);
    } else if (op?.t === 'word' && op.text === 'IN' && list[i + 2]?.text === '(') {
      for (let j = i + 3; j < list.length && !(list[j]!.t === 'punct' && list[j]!.text === ')'); j++) {
        if (list[j]!.t === 'string') add(token.text, list[j]!.text);
      }
    }
  }
  return found;
}

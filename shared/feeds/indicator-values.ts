/**
 * The values a STIX 2.1 pattern asserts equality with, for the feeds: `[ipv4-addr:value = '198.51.100.7']`,
 * `[domain-name:value = 'a.example' OR url:value = 'http://b.example/x']`, `[file:hashes.'SHA-256' = '…']`,
 * `[ipv4-addr:value IN ('192.0.2.1', '192.0.2.2')]`. Only `=` and `IN` comparisons count, never negated
 * ones (`NOT =`, `!=`) nor `LIKE`, `MATCHES`, `>`…: those say nothing a blocklist can hold. A value of an
 * observation joined by AND to others is listed too, as MISP and OpenCTI do: a feed lists what the pattern
 * names, not only what alone would match it.
 */
import { isIPv4 } from 'node:net';
import type { ValueKind } from './feed-values.ts';

/** A value a pattern names, with the kind of list it belongs to (not yet normalised). */
export interface IndicatorValue {
  kind: ValueKind;
  value: string;
}

type Token = { type: 'word' | 'string' | 'punct'; text: string };

/** The pattern's tokens; a path with a quoted component (`file:hashes.'SHA-256'`) is one word. */
function tokens(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const quoted = (): string => {
    let text = '';
    i++;
    while (i < pattern.length && pattern[i] !== "'") {
      if (pattern[i] === '\\' && i + 1 < pattern.length) i++;
      text += pattern[i++];
    }
    i++;
    return text;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "'") out.push({ type: 'string', text: quoted() });
    else if ('()[],'.includes(c)) out.push({ type: 'punct', text: pattern[i++]! });
    else if ('=!<>'.includes(c)) {
      const two = pattern.slice(i, i + 2);
      const text = ['!=', '<=', '>='].includes(two) ? two : c;
      i += text.length;
      out.push({ type: 'punct', text });
    } else {
      let text = '';
      while (i < pattern.length && !/[\s()[\],=!<>]/.test(pattern[i]!)) {
        if (pattern[i] === "'") text += `'${quoted()}'`;
        else text += pattern[i++];
      }
      out.push({ type: 'word', text });
    }
  }
  return out;
}

/** The kind of list an object path's value belongs to, or undefined. */
function kindOfPath(path: string, value: string): ValueKind | undefined {
  const [objectType, property = ''] = path.split(/:(.*)/s);
  const key = property.toLowerCase().replace(/['"]/g, '');
  switch (objectType) {
    case 'ipv4-addr':
      return key === 'value' ? 'ipv4' : undefined;
    case 'ipv6-addr':
      return key === 'value' ? 'ipv6' : undefined;
    case 'domain-name':
      return key === 'value' ? 'domain' : undefined;
    case 'url':
      return key === 'value' ? 'url' : undefined;
    case 'email-addr':
      return key === 'value' ? 'email' : undefined;
    case 'email-message':
      return key === 'from_ref.value' || key === 'sender_ref.value' ? 'email' : undefined;
    case 'network-traffic':
      return key === 'dst_ref.value' || key === 'src_ref.value' ? (isIPv4(value.split('/')[0]!) ? 'ipv4' : 'ipv6') : undefined;
    case 'file':
    case 'artifact':
      return key.replace(/-/g, '') === 'hashes.sha256' ? 'sha256' : undefined;
    default:
      return undefined;
  }
}

/**
 * The values a pattern names by `=` or `IN`, in the order written. A pattern that does not tokenise as
 * expected gives what could be read of it, never an error: the validator judges patterns, not the feeds.
 */
export function indicatorValues(pattern: string): IndicatorValue[] {
  const list = tokens(pattern);
  const found: IndicatorValue[] = [];
  for (let i = 0; i < list.length; i++) {
    const path = list[i]!;
    if (path.type !== 'word' || !path.text.includes(':')) continue;
    let j = i + 1;
    if (list[j]?.type === 'word' && list[j]!.text.toUpperCase() === 'NOT') continue;
    const operator = list[j];
    const values: string[] = [];
    if (operator?.type === 'punct' && operator.text === '=' && list[j + 1]?.type === 'string') values.push(list[j + 1]!.text);
    else if (operator?.type === 'word' && operator.text.toUpperCase() === 'IN' && list[j + 1]?.text === '(') {
      for (j += 2; j < list.length && list[j]!.text !== ')'; j++) if (list[j]!.type === 'string') values.push(list[j]!.text);
    }
    for (const value of values) {
      const kind = kindOfPath(path.text, value);
      if (kind) found.push({ kind, value });
    }
  }
  return found;
}

/**
 * A strict reader of the Suricata rules the feeds write, for tests where `suricata -T` is not available: it
 * checks each line against the rule format of the Suricata user guide (header: action, protocol, addresses,
 * ports, direction; options: `keyword;` or `keyword:value;` with `"`, `;` and `\` escaped in quoted values and
 * `|hex|` blocks well formed) and the rules Suricata applies to the keywords used here: a content modifier
 * (`nocase`, `startswith`, `endswith`) follows a `content`; `dotprefix` and `content` follow a sticky buffer
 * of the rule's protocol; `http.host` contents are lower case and take no `nocase`; `msg`, `sid` and `rev`
 * are there once; sids are unique across the file. It answers every problem with its line.
 */
import { isIP } from 'node:net';

const ACTIONS = new Set(['alert', 'pass', 'drop', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth']);
const PROTOCOLS = new Set(['ip', 'tcp', 'udp', 'icmp', 'dns', 'tls', 'http', 'smtp']);
const BUFFERS: Readonly<Record<string, string>> = { 'dns.query': 'dns', 'tls.sni': 'tls', 'http.host': 'http', 'http.uri': 'http' };
const MODIFIERS = new Set(['nocase', 'startswith', 'endswith']);
const KNOWN = new Set(['msg', 'sid', 'rev', 'content', 'flow', 'dotprefix', ...MODIFIERS, ...Object.keys(BUFFERS)]);

function checkAddress(text: string): string | undefined {
  if (text === 'any' || /^\$[A-Z_]+$/.test(text)) return undefined;
  const items = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).split(',') : [text];
  for (const item of items) {
    const [address, prefix, extra] = item.split('/');
    const version = isIP(address ?? '');
    if (extra !== undefined || version === 0) return `"${item}" is not an address`;
    if (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128))) return `"${item}" has a bad prefix`;
  }
  return items.length === 0 ? 'empty address list' : undefined;
}

/** A quoted value's inside: no unescaped `"`, `;` or `\` (msg: `\"`, `\;`, `\\` allowed), `|hex|` blocks well formed (content). */
function checkQuoted(value: string, keyword: string): string | undefined {
  if (!value.startsWith('"') || !value.endsWith('"') || value.length < 2) return `${keyword} must be quoted`;
  const inside = value.slice(1, -1);
  if (keyword === 'msg') return /["\\;]/.test(inside.replace(/\\[\\";]/g, '')) ? 'msg has an unescaped ", ; or \\' : undefined;
  if (inside === '') return 'empty content';
  if (/["\\;]/.test(inside.replace(/\|[^|]*\|/g, ''))) return 'content has an unescaped ", ; or \\';
  for (const block of inside.match(/\|[^|]*\|/g) ?? []) if (!/^\|[0-9A-Fa-f]{2}( [0-9A-Fa-f]{2})*\|$/.test(block)) return `bad hex block ${block}`;
  if ((inside.match(/\|/g) ?? []).length % 2 !== 0) return 'unbalanced |';
  if (/[^\x20-\x7e]/.test(inside)) return 'content holds a character outside printable ASCII';
  return undefined;
}

/** The options of a rule, split on unescaped `;` outside quotes. */
function splitOptions(text: string): string[] | undefined {
  const options: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && quoted) {
      current += c + (text[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      options.push(current.trim());
      current = '';
    } else current += c;
  }
  if (quoted || current.trim() !== '') return undefined;
  return options;
}

/** Every problem of a rules file, each with its line number; empty when Suricata's format holds. */
export function checkSuricataRules(text: string): string[] {
  const problems: string[] = [];
  const sids = new Set<number>();
  text.split('\n').forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (line === '' || line.startsWith('#')) return;
    const match = /^(\S+) (\S+) (\S+) (\S+) (->|<>) (\S+) (\S+) \((.*)\)$/.exec(line);
    if (!match) return void problems.push(`${at}: not a rule header and options`);
    const [, action, protocol, src, sport, , dst, dport, body] = match;
    if (!ACTIONS.has(action!)) problems.push(`${at}: unknown action ${action}`);
    if (!PROTOCOLS.has(protocol!)) problems.push(`${at}: unknown protocol ${protocol}`);
    for (const address of [src!, dst!]) {
      const problem = checkAddress(address);
      if (problem) problems.push(`${at}: ${problem}`);
    }
    for (const port of [sport!, dport!]) if (port !== 'any' && !/^\d+$/.test(port)) problems.push(`${at}: bad port ${port}`);
    const options = splitOptions(body!);
    if (!options) return void problems.push(`${at}: options do not end with ";" or a quote is open`);
    let buffer: string | undefined;
    let lastContent: string | undefined;
    const seen = new Map<string, number>();
    for (const option of options) {
      const colon = option.indexOf(':');
      const keyword = colon < 0 ? option : option.slice(0, colon);
      const value = colon < 0 ? undefined : option.slice(colon + 1).trim();
      seen.set(keyword, (seen.get(keyword) ?? 0) + 1);
      if (!KNOWN.has(keyword)) problems.push(`${at}: unknown keyword ${keyword}`);
      if (keyword in BUFFERS) {
        if (BUFFERS[keyword] !== protocol) problems.push(`${at}: ${keyword} in a ${protocol} rule`);
        buffer = keyword;
        lastContent = undefined;
      } else if (keyword === 'dotprefix') {
        if (!buffer || lastContent !== undefined) problems.push(`${at}: dotprefix must follow a sticky buffer`);
      } else if (keyword === 'content') {
        const problem = value === undefined ? 'content needs a value' : checkQuoted(value, 'content');
        if (problem) problems.push(`${at}: ${problem}`);
        if (buffer === 'http.host' && /[A-Z]/.test(value ?? '')) problems.push(`${at}: http.host content must be lower case`);
        lastContent = value;
      } else if (MODIFIERS.has(keyword)) {
        if (lastContent === undefined) problems.push(`${at}: ${keyword} must follow a content`);
        if (keyword === 'nocase' && buffer === 'http.host') problems.push(`${at}: http.host takes no nocase`);
        if (value !== undefined) problems.push(`${at}: ${keyword} takes no value`);
      } else if (keyword === 'msg') {
        const problem = value === undefined ? 'msg needs a value' : checkQuoted(value, 'msg');
        if (problem) problems.push(`${at}: ${problem}`);
      } else if (keyword === 'sid' || keyword === 'rev') {
        if (!/^[1-9]\d*$/.test(value ?? '')) problems.push(`${at}: ${keyword} must be a positive integer`);
        if (keyword === 'sid') {
          if (sids.has(Number(value))) problems.push(`${at}: sid ${value} is used twice`);
          sids.add(Number(value));
        }
      } else if (keyword === 'flow' && !/^(established|to_server|to_client)(,(established|to_server|to_client))*$/.test(value ?? '')) problems.push(`${at}: bad flow ${value}`);
    }
    for (const required of ['msg', 'sid', 'rev']) if (seen.get(required) !== 1) problems.push(`${at}: needs one ${required}`);
    if (buffer && (seen.get('content') ?? 0) === 0) problems.push(`${at}: a sticky buffer with no content`);
  });
  return problems;
}

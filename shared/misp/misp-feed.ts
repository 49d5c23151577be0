/**
 * The MISP feed layout, as MISP and PyMISP write it: `manifest.json` (event uuid → Orgc, Tag, info, date,
 * analysis, threat_level_id, timestamp), one `<uuid>.json` per event (`{"Event": …}`), and `hashes.csv`, one
 * line `<md5 of a value>,<event uuid>` per attribute value (a composite `a|b` value, and a malware-sample, give
 * one line per part). Pure: reading and writing the files is the caller's.
 */
import { hash } from 'node:crypto';
import { integerOf, isRecord, isUuid, type MispProblem, type MispRecord } from './misp-event.ts';

/** A number where MISP writes one in a manifest (`analysis`, `threat_level_id`, `timestamp`). */
const numeric = (value: unknown) => integerOf(value) ?? value;

/** The manifest entry of an event, as PyMISP's `manifest` writes it. */
export function manifestEntry(event: MispRecord): MispRecord {
  const entry: MispRecord = {
    Orgc: isRecord(event.Orgc) ? { name: event.Orgc.name, uuid: event.Orgc.uuid } : undefined,
    Tag: event.Tag ?? [],
    info: event.info,
    date: event.date,
    analysis: numeric(event.analysis),
    threat_level_id: numeric(event.threat_level_id),
    timestamp: numeric(event.timestamp),
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}

function attributesOf(event: MispRecord): MispRecord[] {
  const top = (event.Attribute as MispRecord[] | undefined) ?? [];
  const inObjects = ((event.Object as MispRecord[] | undefined) ?? []).flatMap((o) => (o.Attribute as MispRecord[] | undefined) ?? []);
  return [...top, ...inObjects];
}

/** The `hashes.csv` lines of an event (without line ends). */
export function hashLines(event: MispRecord): string[] {
  const lines: string[] = [];
  for (const attribute of attributesOf(event)) {
    const value = String(attribute.value);
    const parts = String(attribute.type).includes('|') || attribute.type === 'malware-sample' ? value.split('|') : [value];
    for (const part of parts) lines.push(`${hash('md5', part)},${String(event.uuid).toLowerCase()}`);
  }
  return lines;
}

/** The uuids a manifest lists, with the problems of its shape. */
export function readManifest(text: string, file = 'manifest.json'): { uuids: string[]; entries: Map<string, MispRecord>; problems: MispProblem[] } {
  const problems: MispProblem[] = [];
  const entries = new Map<string, MispRecord>();
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { uuids: [], entries, problems: [{ rule: 'misp-json-syntax', file, path: '$', message: `not JSON: ${(error as Error).message}` }] };
  }
  if (!isRecord(document)) return { uuids: [], entries, problems: [{ rule: 'misp-not-an-object', file, path: '$', message: 'a manifest is a JSON object of event uuid → event summary' }] };
  for (const [uuid, entry] of Object.entries(document)) {
    const path = `$[${JSON.stringify(uuid)}]`;
    if (!isUuid(uuid)) problems.push({ rule: 'misp-invalid-uuid', file, path, message: `the key ${JSON.stringify(uuid)} is not an event uuid` });
    else if (!isRecord(entry)) problems.push({ rule: 'misp-not-an-object', file, path, message: 'each event summary must be a JSON object' });
    else entries.set(uuid, entry);
  }
  return { uuids: [...entries.keys()], entries, problems };
}

/** The lines of a `hashes.csv` (`hash,uuid`), with the problems of lines that are neither. */
export function readHashes(text: string, file = 'hashes.csv'): { lines: Map<string, number>; problems: MispProblem[] } {
  const lines = new Map<string, number>();
  const problems: MispProblem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const [hash, uuid, extra] = line.split(',');
    if (extra !== undefined || !/^[0-9a-f]{32}$/i.test(hash ?? '') || !isUuid(uuid)) {
      problems.push({ rule: 'misp-hash-mismatch', file, path: `line ${i + 1}`, message: `expected "<md5>,<event uuid>", not ${JSON.stringify(line.slice(0, 120))}` });
    } else lines.set(`${hash!.toLowerCase()},${uuid!.toLowerCase()}`, i + 1);
  });
  return { lines, problems };
}

/**
 * Compares the hash lines the events read give (`expected`, see `hashLines`) with what `hashes.csv` lists: a
 * value the file lacks, and a line of one of the events read (`read`: their uuids) that no value gives, are each
 * a problem. Lines of events not read are not looked at.
 */
export function verifyHashes(expected: ReadonlySet<string>, read: ReadonlySet<string>, listed: ReadonlyMap<string, number>, file = 'hashes.csv'): MispProblem[] {
  const problems: MispProblem[] = [];
  for (const line of expected) {
    if (!listed.has(line)) problems.push({ rule: 'misp-hash-mismatch', file, path: '$', message: `no line "${line}": a value of event ${line.slice(33)} is not listed` });
  }
  for (const [line, number] of listed) {
    if (read.has(line.slice(33)) && !expected.has(line)) problems.push({ rule: 'misp-hash-mismatch', file, path: `line ${number}`, message: `"${line}" matches no value of that event` });
  }
  return problems;
}

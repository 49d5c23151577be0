/**
 * A MISP input on disk: one event file, or a feed folder read through its `manifest.json` (events in the
 * manifest's order; files the manifest does not list are not read, as a MISP instance would not), with its
 * `hashes.csv` when there is one. Each event file is read and checked when its turn comes, so a feed of any
 * number of events needs the memory of one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEvent, type MispEvent, type MispProblem } from './misp-event.ts';
import { hashLines, manifestEntry, readHashes, readManifest } from './misp-feed.ts';

export interface EventFile {
  /** The file's name as shown in problems (relative to the feed folder, or as given). */
  file: string;
  event: MispEvent | undefined;
  problems: MispProblem[];
}

export interface MispInput {
  kind: 'event' | 'feed';
  /** Problems of the manifest and of the hashes file's lines. */
  problems: MispProblem[];
  /** Lines of `hashes.csv` (`hash,uuid` → line number), undefined when the feed has none. */
  hashes: Map<string, number> | undefined;
  events(): Generator<EventFile>;
}

function readOne(file: string, name: string, expectedUuid?: string): EventFile {
  if (!fs.existsSync(file)) {
    return { file: name, event: undefined, problems: [{ rule: 'misp-missing-event-file', file: 'manifest.json', path: `$[${JSON.stringify(expectedUuid)}]`, message: `the manifest lists event ${expectedUuid}, but there is no file ${name}` }] };
  }
  const read = readEvent(fs.readFileSync(file, 'utf8'), name);
  if (read.event && expectedUuid !== undefined && read.event.uuid.toLowerCase() !== expectedUuid.toLowerCase()) {
    return { file: name, event: undefined, problems: [{ rule: 'misp-manifest-mismatch', file: name, path: '$.Event.uuid', message: `the manifest lists this file as event ${expectedUuid}, but it holds event ${read.event.uuid}` }] };
  }
  return { file: name, ...read };
}

/**
 * Opens a file (one event) or a folder (a feed).
 * @throws Error with `code` ENOENT when `target` does not exist (the caller names it).
 */
export function openMispInput(target: string): MispInput {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) {
    return { kind: 'event', problems: [], hashes: undefined, events: function* () { yield readOne(target, path.basename(target)); } };
  }
  const manifestFile = path.join(target, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    const problem: MispProblem = { rule: 'misp-required-field', file: 'manifest.json', path: '$', message: `the folder ${path.basename(target)} has no manifest.json: a MISP feed lists its events there` };
    return { kind: 'feed', problems: [problem], hashes: undefined, events: function* () {} };
  }
  const manifest = readManifest(fs.readFileSync(manifestFile, 'utf8'));
  const hashesFile = path.join(target, 'hashes.csv');
  const hashes = fs.existsSync(hashesFile) ? readHashes(fs.readFileSync(hashesFile, 'utf8')) : undefined;
  return {
    kind: 'feed',
    problems: [...manifest.problems, ...(hashes?.problems ?? [])],
    hashes: hashes?.lines,
    events: function* () {
      for (const uuid of manifest.uuids) yield readOne(path.join(target, `${uuid}.json`), `${uuid}.json`, uuid);
    },
  };
}

/**
 * Writes events as a MISP feed in `dir` (created if need be): `<uuid>.json` each, then `hashes.csv`, then
 * `manifest.json` last, so a reader never finds a manifest naming a file not yet written. Returns the number
 * of attributes written.
 */
export function writeMispFeed(dir: string, events: readonly Record<string, unknown>[]): { attributes: number; bytes: number } {
  fs.mkdirSync(dir, { recursive: true });
  const manifest: Record<string, unknown> = {};
  const hashes: string[] = [];
  let attributes = 0;
  let bytes = 0;
  for (const event of events) {
    const text = JSON.stringify({ Event: event }, null, 1);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(dir, `${String(event.uuid)}.json`), text);
    manifest[String(event.uuid)] = manifestEntry(event);
    const lines = hashLines(event);
    attributes += countAttributes(event);
    hashes.push(...lines);
  }
  fs.writeFileSync(path.join(dir, 'hashes.csv'), hashes.map((line) => `${line}\n`).join(''));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return { attributes, bytes };
}

function countAttributes(event: Record<string, unknown>): number {
  const objects = (event.Object as { Attribute?: unknown[] }[] | undefined) ?? [];
  return ((event.Attribute as unknown[] | undefined) ?? []).length + objects.reduce((n, o) => n + (o.Attribute?.length ?? 0), 0);
}

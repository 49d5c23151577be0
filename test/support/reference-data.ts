/** The real external data sets beside the project (`../shared/data`), read-only; never copied in. */
import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export function referenceDataDir(): string {
  const dir = process.env.THIQA_REFERENCE_DATA ?? path.resolve(projectRoot, '..', 'shared', 'data');
  if (!fs.existsSync(path.join(dir, 'stix'))) {
    throw new Error(`the reference data sets were not found at ${dir}: they sit beside the project (../shared/data), or set THIQA_REFERENCE_DATA`);
  }
  return dir;
}

/** Paths of the STIX bundles in the reference data. */
export function referenceBundles(): string[] {
  const dir = path.join(referenceDataDir(), 'stix');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The MISP feed sample (MISP's own test feed: manifest.json and one event). */
export function mispFeedSample(): string {
  return path.join(referenceDataDir(), 'misp', 'feed-sample');
}

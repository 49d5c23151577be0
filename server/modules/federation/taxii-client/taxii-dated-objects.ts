/**
 * Every version of a remote collection with the `date_added` the server gave it: the objects pages and the
 * manifest pages read side by side (both in `date_added` order, same filters) and matched one to one. A
 * TAXII envelope does not carry each object's `date_added`; the manifest does. A server whose two listings
 * disagree (another id or version at the same position, or one longer than the other) is a protocol error.
 */
import { timestampKey, timestampMicros } from '../../../../shared/stix/timestamp.ts';
import { TaxiiRemoteError, type ManifestPage, type ManifestRecord, type ObjectsPage, type ObjectsQuery } from './taxii-remote.ts';

export interface DatedSource {
  readonly collectionId: string;
  pages(query: ObjectsQuery, signal?: AbortSignal): AsyncGenerator<ObjectsPage>;
  manifestPages(query: ObjectsQuery, signal?: AbortSignal): AsyncGenerator<ManifestPage>;
}

export interface DatedObject {
  object: unknown;
  /** Microseconds since the epoch, from the manifest's `date_added`. */
  dateAdded: number;
}

function versionKeyOf(object: unknown): string | undefined {
  const { modified, created } = (object ?? {}) as { modified?: unknown; created?: unknown };
  const text = typeof modified === 'string' ? modified : typeof created === 'string' ? created : undefined;
  return text === undefined ? undefined : timestampKey(text);
}

function protocol(source: DatedSource, message: string): TaxiiRemoteError {
  return new TaxiiRemoteError('protocol', `collection ${source.collectionId}: ${message}`);
}

function match(source: DatedSource, record: ManifestRecord, object: unknown, position: number): number {
  const id = (object as { id?: unknown } | null)?.id;
  const objectVersion = versionKeyOf(object);
  const recordVersion = timestampKey(record.version);
  const sameVersion = objectVersion === undefined || recordVersion === undefined || objectVersion === recordVersion;
  if (id !== record.id || !sameVersion) {
    throw protocol(source, `the manifest and the objects disagree at position ${position} (manifest ${record.id} ${record.version}, object ${String(id)})`);
  }
  const micros = timestampMicros(record.dateAdded);
  if (Number.isNaN(micros)) throw protocol(source, `the manifest's date_added "${record.dateAdded.slice(0, 40)}" of ${record.id} is not a timestamp`);
  return micros;
}

/** One batch per objects page: each object with its `date_added`. */
export async function* datedObjects(source: DatedSource, query: ObjectsQuery, signal?: AbortSignal): AsyncGenerator<DatedObject[]> {
  const full = { matchVersion: 'all', ...query };
  const manifest = source.manifestPages(full, signal)[Symbol.asyncIterator]();
  let records: ManifestRecord[] = [];
  let next = 0;
  let manifestDone = false;
  let position = 0;
  const record = async (): Promise<ManifestRecord | undefined> => {
    while (next >= records.length && !manifestDone) {
      const page = await manifest.next();
      if (page.done) manifestDone = true;
      else [records, next] = [page.value.records, 0];
    }
    return next < records.length ? records[next++] : undefined;
  };
  for await (const page of source.pages(full, signal)) {
    const batch: DatedObject[] = [];
    for (const object of page.objects) {
      const found = await record();
      if (!found) throw protocol(source, `the objects go on past the end of the manifest, at position ${position}`);
      batch.push({ object, dateAdded: match(source, found, object, position++) });
    }
    yield batch;
  }
  if ((await record()) !== undefined) throw protocol(source, `the manifest lists more versions than the objects served (${position})`);
}

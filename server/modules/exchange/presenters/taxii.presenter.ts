/**
 * TAXII 2.1 resources as the specification names their properties. Object bodies are stored as JSON text
 * and spliced into the envelope as they are, so a page is never parsed and re-serialised.
 */
import { formatKey, formatMicros } from '../../../../shared/stix/timestamp.ts';
import type { ApiRoot } from '../services/api-root.service.ts';
import type { Collection } from '../services/collection.service.ts';
import type { Page, StoredVersion } from '../services/object.service.ts';
import type { AddStatus } from '../services/status.ts';

export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
const TAXII_VERSION = 'application/taxii+json;version=2.1';

export function presentDiscovery(info: { title: string; description: string; contact?: string | undefined }, roots: ApiRoot[], base: string) {
  const url = (root: ApiRoot) => `${base}/${root.name}/`;
  const fallback = roots.find((r) => r.isDefault);
  return {
    title: info.title,
    description: info.description,
    ...(info.contact ? { contact: info.contact } : {}),
    ...(fallback ? { default: url(fallback) } : {}),
    api_roots: roots.map(url),
  };
}

export function presentApiRoot(root: ApiRoot) {
  return {
    title: root.title,
    ...(root.description ? { description: root.description } : {}),
    versions: [TAXII_VERSION],
    max_content_length: root.maxContentLength,
  };
}

export function presentCollection(collection: Collection) {
  return {
    id: collection.id,
    title: collection.title,
    ...(collection.description ? { description: collection.description } : {}),
    ...(collection.alias ? { alias: collection.alias } : {}),
    can_read: collection.canRead,
    can_write: collection.canWrite,
    media_types: collection.mediaTypes,
  };
}

/** The version of a row as TAXII reports it: `modified`, else `created`, else `date_added`. */
export function versionOf(row: StoredVersion): string {
  return row.version === '' ? formatMicros(row.dateAdded) : formatKey(row.version);
}

/** The `X-TAXII-Date-Added-First/Last` headers of a page (none for an empty page). */
export function dateAddedHeaders(page: Page): Record<string, string> {
  const first = page.rows[0];
  const last = page.rows[page.rows.length - 1];
  if (!first || !last) return {};
  return { 'X-TAXII-Date-Added-First': formatMicros(first.dateAdded), 'X-TAXII-Date-Added-Last': formatMicros(last.dateAdded) };
}

function moreAndNext(page: Page): string {
  return `"more":${page.more}${page.next ? `,"next":${JSON.stringify(page.next)}` : ''}`;
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/** The envelope of a page of objects, as UTF-8 bytes: stored bodies are spliced in as they are. */
export function envelopeBytes(page: Page): Buffer {
  if (page.rows.length === 0) return Buffer.from(`{${moreAndNext(page)}}`);
  const parts: Uint8Array[] = [Buffer.from(`{${moreAndNext(page)},"objects":[`)];
  page.rows.forEach((row, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(row.body!);
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

export function presentManifest(page: Page) {
  return {
    more: page.more,
    ...(page.next ? { next: page.next } : {}),
    ...(page.rows.length
      ? {
          objects: page.rows.map((row) => ({
            id: row.id,
            date_added: formatMicros(row.dateAdded),
            version: versionOf(row),
            media_type: `application/stix+json;version=${row.specVersion}`,
          })),
        }
      : {}),
  };
}

export function presentVersions(page: Page) {
  return {
    more: page.more,
    ...(page.next ? { next: page.next } : {}),
    ...(page.rows.length ? { versions: page.rows.map(versionOf) } : {}),
  };
}

export function presentStatus(status: AddStatus) {
  const details = (list: AddStatus['successes']) => list.map((d) => ({ id: d.id, version: d.version, ...(d.message ? { message: d.message } : {}) }));
  return {
    id: status.id,
    status: status.status,
    request_timestamp: formatMicros(status.requestTimestamp),
    total_count: status.totalCount,
    success_count: status.successes.length,
    successes: details(status.successes),
    failure_count: status.failures.length,
    failures: details(status.failures),
    pending_count: status.pendings.length,
    pendings: details(status.pendings),
  };
}

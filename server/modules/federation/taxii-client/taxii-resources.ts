/**
 * Reading TAXII 2.1 resources as a server answered them: each required field checked, so an answer that is
 * JSON but not TAXII fails here, with the field named, rather than later in the sync. Unknown fields are
 * ignored (servers may add their own).
 */
import { TaxiiRemoteError, type Discovery, type ManifestPage, type ObjectsPage, type PushStatus, type RemoteApiRoot, type RemoteCollection } from './taxii-remote.ts';

type Json = Record<string, unknown>;

function fail(where: string, field: string, expected: string): never {
  throw new TaxiiRemoteError('protocol', `${where}: "${field}" is missing or not ${expected}`);
}

function text(where: string, body: Json, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') fail(where, field, 'a string');
  return value;
}

function optionalText(where: string, body: Json, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(where, field, 'a string');
  return value;
}

function texts(where: string, body: Json, field: string, required: boolean): string[] {
  const value = body[field];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) fail(where, field, 'a list of strings');
  return value as string[];
}

function count(where: string, body: Json, field: string): number {
  const value = body[field];
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(where, field, 'a count');
  return value;
}

/** An absolute URL ending in `/`, resolved against `base` (servers may list API roots relatively). */
export function rootUrl(url: string, base: string): string {
  const resolved = new URL(url, base).toString();
  return resolved.endsWith('/') ? resolved : `${resolved}/`;
}

export function readDiscovery(body: Json, url: string): Discovery {
  const where = 'the discovery resource';
  const fallback = optionalText(where, body, 'default');
  return {
    title: text(where, body, 'title'),
    ...(fallback !== undefined ? { default: rootUrl(fallback, url) } : {}),
    apiRoots: texts(where, body, 'api_roots', false).map((root) => rootUrl(root, url)),
  };
}

export function readApiRoot(body: Json, url: string): RemoteApiRoot {
  const where = 'the API root resource';
  const max = body.max_content_length;
  if (typeof max !== 'number' || !Number.isInteger(max) || max <= 0) fail(where, 'max_content_length', 'a positive integer');
  return { url, title: text(where, body, 'title'), versions: texts(where, body, 'versions', true), maxContentLength: max };
}

export function readCollection(body: unknown): RemoteCollection {
  const where = 'a collection resource';
  if (body === null || typeof body !== 'object' || Array.isArray(body)) fail('the collections resource', 'collections', 'a list of collections');
  const json = body as Json;
  const flag = (field: string) => {
    if (typeof json[field] !== 'boolean') fail(where, field, 'a boolean');
    return json[field] as boolean;
  };
  const description = optionalText(where, json, 'description');
  return {
    id: text(where, json, 'id'),
    title: text(where, json, 'title'),
    ...(description !== undefined ? { description } : {}),
    canRead: flag('can_read'),
    canWrite: flag('can_write'),
    mediaTypes: texts(where, json, 'media_types', false),
  };
}

export function readCollections(body: Json): RemoteCollection[] {
  const list = body.collections;
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail('the collections resource', 'collections', 'a list');
  return list.map(readCollection);
}

/** An envelope and its `X-TAXII-Date-Added-*` headers. */
export function readEnvelope(body: Json, headers: Headers): ObjectsPage {
  const where = 'the envelope';
  const objects = body.objects ?? [];
  if (!Array.isArray(objects)) fail(where, 'objects', 'a list');
  if (body.more !== undefined && typeof body.more !== 'boolean') fail(where, 'more', 'a boolean');
  const next = optionalText(where, body, 'next');
  const first = headers.get('x-taxii-date-added-first') ?? undefined;
  const last = headers.get('x-taxii-date-added-last') ?? undefined;
  return {
    objects,
    more: body.more === true,
    ...(next !== undefined && next !== '' ? { next } : {}),
    ...(first ? { dateAddedFirst: first } : {}),
    ...(last ? { dateAddedLast: last } : {}),
  };
}

/** A manifest page: the records and the same paging fields as an envelope. */
export function readManifest(body: Json, headers: Headers): ManifestPage {
  const where = 'the manifest';
  const { objects, ...paging } = readEnvelope(body, headers);
  const records = objects.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) fail(where, 'objects', 'a list of manifest records');
    const json = item as Json;
    const mediaType = optionalText(where, json, 'media_type');
    return { id: text(where, json, 'id'), dateAdded: text(where, json, 'date_added'), version: text(where, json, 'version'), ...(mediaType !== undefined ? { mediaType } : {}) };
  });
  return { records, ...paging };
}

export function readStatus(body: Json): PushStatus {
  const where = 'the status resource';
  const status = body.status;
  if (status !== 'pending' && status !== 'complete') fail(where, 'status', '"pending" or "complete"');
  const failures = body.failures ?? [];
  if (!Array.isArray(failures)) fail(where, 'failures', 'a list');
  return {
    id: text(where, body, 'id'),
    status,
    totalCount: count(where, body, 'total_count'),
    successCount: count(where, body, 'success_count'),
    failureCount: count(where, body, 'failure_count'),
    pendingCount: count(where, body, 'pending_count'),
    failures: failures.map((item) => {
      const json = (item ?? {}) as Json;
      const version = optionalText(where, json, 'version');
      const message = optionalText(where, json, 'message');
      return { id: text(where, json, 'id'), ...(version !== undefined ? { version } : {}), ...(message !== undefined ? { message } : {}) };
    }),
  };
}

/**
 * What TLP enforcement costs on a full collection. After the ingest (by the administrator, who is the origin
 * of every object), three more readers are set up through the CLI:
 * - `member`: a user of an organisation of the collection's community (sees CLEAR, GREEN and AMBER);
 * - `outsider`: a user granted read on the collection by name (sees CLEAR and GREEN);
 * - `recipient`: a user of an organisation outside the community that 1,000 AMBER+STRICT objects name, and
 *   nothing else: it reaches the collection only as a named recipient, and pages through the recipients index.
 * Each reader's page of 100 (at the start, at the end, by type, and a deep `next`) is timed like the filtered
 * GETs (the administrator's figures there are the baseline), and the member reads the whole collection.
 */
import { randomUUID } from 'node:crypto';
import { jsonOutput, runCliOk } from './child.ts';
import type { Landmarks } from './read-taxii.bench.ts';
import { measureFullRead } from './read-taxii.bench.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { checkDeadline, median, p95 } from './stats.ts';
import type { BenchStore } from './store.ts';
import { getPage, requestOk, type TaxiiTarget } from './taxii-client.ts';

const WARMUP = 50;
const REPEATS = 100;
const NAMED = 1_000;
const TLP_AMBER_STRICT = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';
const CLI_TIMEOUT_MS = 60_000;

async function readerToken(store: BenchStore, name: string, org: string | undefined): Promise<string> {
  const cli = (args: string[], input?: string) => runCliOk([...args, ...store.storeArgs, '--json'], { timeoutMs: CLI_TIMEOUT_MS, input });
  await cli(['user', 'add', name, ...(org ? ['--org', org] : [])], `${name}-bench-password\n`);
  return `Bearer ${jsonOutput<{ token: string }>(await cli(['token', 'create', name, '--label', 'bench'])).token}`;
}

/** Sets the readers up, names the recipient's organisation on 1,000 objects, and times each reader's pages. */
export async function measureVisibility(
  admin: TaxiiTarget,
  store: BenchStore,
  landmarks: Landmarks,
  database: DatabaseKind,
  size: number,
  deadline: number,
): Promise<Measurement[]> {
  const cli = (args: string[]) => runCliOk([...args, ...store.storeArgs, '--json'], { timeoutMs: CLI_TIMEOUT_MS });
  await cli(['org', 'add', 'Member CIRT', '--type', 'member-state', '--subtype', 'national-cirt', '--country', 'SC']);
  await cli(['community', 'join', store.community, 'Member CIRT']);
  const bank = jsonOutput<{ organisation: { identityId: string } }>(await cli(['org', 'add', 'Outside bank', '--type', 'sector-member', '--subtype', 'bank', '--country', 'MG']));
  const readers = {
    member: await readerToken(store, 'member', 'Member CIRT'),
    outsider: await readerToken(store, 'outsider', undefined),
    recipient: await readerToken(store, 'recipient', 'Outside bank'),
  };
  await cli(['collection', 'grant', store.collectionId, 'outsider', '--read']);
  const named = Array.from({ length: NAMED }, (_, i) => ({
    type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
    name: `shared with the bank ${i}`, pattern: `[ipv4-addr:value = '198.51.100.${i % 250}']`, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
    object_marking_refs: [TLP_AMBER_STRICT], x_thiqa_recipient_refs: [bank.organisation.identityId],
  }));
  await requestOk(admin, admin.objectsPath, 202, JSON.stringify({ objects: named }));

  const beforeFirst = new Date(Date.parse(landmarks.firstDateAdded) - 1_000).toISOString();
  const queries = [
    { name: 'start', query: `added_after=${encodeURIComponent(beforeFirst)}&limit=100` },
    { name: 'end', query: `added_after=${encodeURIComponent(landmarks.nearEndDateAdded)}&limit=100` },
    { name: 'match[type]=indicator', query: 'match[type]=indicator&limit=100' },
  ];
  const results: Measurement[] = [];
  for (const [reader, authorization] of Object.entries(readers)) {
    const target = { ...admin, authorization };
    // A deep page of this reader's own listing: the cursor after its first 90% of pages would cost a full read; the
    // page after its first page is deep enough for the recipient (1,000 objects) and shows the cursor path for all.
    const first = await getPage(target, 'limit=100');
    const reads = first.envelope.next ? [...queries, { name: 'next cursor', query: `next=${encodeURIComponent(first.envelope.next)}&limit=100` }] : queries;
    for (const { name, query } of reads) {
      const times: number[] = [];
      let objects = 0;
      for (let i = 0; i < WARMUP + REPEATS; i++) {
        checkDeadline(deadline, `visibility ${reader} ${name}`);
        const { reply, envelope } = await getPage(target, query);
        objects = envelope.objects?.length ?? 0;
        if (i >= WARMUP) times.push(reply.ms);
      }
      results.push({
        name: `visibility: ${reader}, page of 100, ${name} (median)`,
        database,
        size,
        value: median(times),
        unit: 'ms',
        detail: { query, p95: p95(times), objectsPerPage: objects, repeats: REPEATS },
      });
    }
  }
  const read = await measureFullRead({ ...admin, authorization: readers.member }, size, database, { pageSize: 1_000, expected: undefined, deadline });
  results.push({ ...read.measurement, name: 'visibility: member, full pagination, limit 1000' });
  return results;
}

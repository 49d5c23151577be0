/**
 * The Gateway's index writes, inside the caller's transaction: the search terms and facets of published
 * records (by `doc`, each posting with the record's facet codes, and the totals per code), the duplicate keys
 * of live records and the flagging of the pairs that share one. What
 * is indexed is computed from the record alone by `shared/gateway/record-index.ts`; this file only stores it.
 * The benchmark's fixture goes through `writeIndex` too, so the terms it searches are the real ones.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../core/db/database.ts';
import { duplicateKeys, recordFacets, recordTerms, type DuplicateReason, type Facet, type FacetValue } from '../../../../shared/gateway/record-index.ts';
import type { GatewayRecord, RecordType } from '../../../../shared/gateway/record-types.ts';
import { insertColumns, insertRows, type Cell } from './bulk-insert.sql.ts';

/** A published record to index: its number in publication order, type and body. */
export interface IndexEntry {
  doc: number;
  type: RecordType;
  body: GatewayRecord;
}

/** A pair of likely duplicates as flagged. */
export interface FlagRecord {
  id: string;
  /** The record whose write raised the flag. */
  recordId: string;
  /** The record it resembles. */
  otherId: string;
  reasons: DuplicateReason[];
  state: 'open' | 'dismissed' | 'merged';
  flaggedAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
}

/**
 * Facet values are stored by code, one character each (`U+0100` + code) in the code string every posting of a
 * record carries: counting a search's facets is then counting the characters of the postings it scans.
 */
const CODE_BASE = 0x100;
const CODE_LIMIT = 0xd800 - CODE_BASE;
export const codeChar = (code: number) => {
  if (!(code >= 0 && code < CODE_LIMIT)) throw new Error(`facet code ${code} does not fit a character`);
  return String.fromCharCode(CODE_BASE + code);
};
/** The code of the character at `i` of a code string. */
export const codeAt = (codes: string, i: number) => codes.charCodeAt(i) - CODE_BASE;

const SEPARATOR = '\u001f';
const pairKey = (facet: string, value: string) => `${facet}${SEPARATOR}${value}`;

/** Every facet value's code, by code. Codes are never changed or removed once committed. */
export async function readFacetCodes(db: Queryable): Promise<Map<number, FacetValue>> {
  const rows = await db.all<{ code: number | string; facet: Facet; value: string }>('SELECT code, facet, value FROM gateway_facet_codes');
  return new Map(rows.map((row) => [Number(row.code), { facet: row.facet, value: row.value }]));
}

/** The codes of `values`, handing out codes to the values never seen before. */
async function codesOf(tx: Queryable, values: readonly FacetValue[]): Promise<Map<string, number>> {
  const read = async () => new Map([...(await readFacetCodes(tx))].map(([code, { facet, value }]) => [pairKey(facet, value), code]));
  let codes = await read();
  const missing = new Map(values.filter(({ facet, value }) => !codes.has(pairKey(facet, value))).map((v) => [pairKey(v.facet, v.value), v]));
  if (missing.size === 0) return codes;
  for (const { facet, value } of missing.values()) await tx.run('INSERT INTO gateway_facet_codes (facet, value) VALUES (?, ?) ON CONFLICT (facet, value) DO NOTHING', [facet, value]);
  codes = await read();
  return codes;
}

/** Adds `sign` × the records counted per code to the totals. */
async function addTotals(tx: Queryable, counts: ReadonlyMap<number, number>, sign: 1 | -1): Promise<void> {
  for (const [code, records] of counts) {
    await tx.run('INSERT INTO gateway_facet_totals (code, records) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET records = gateway_facet_totals.records + excluded.records', [code, sign * records]);
  }
}

/**
 * Writes the terms and facets of published records (none of them indexed yet). Postings go in in key order
 * (term, then doc; facet, value, then doc), so each lands next to the one before: they are gathered by term
 * and only the distinct terms sorted, not every posting (1.6 million for 100,000 records).
 */
export async function writeIndex(tx: Queryable, entries: readonly IndexEntry[]): Promise<void> {
  const prepared = entries.map(({ doc, type, body }) => ({ doc, terms: recordTerms(type, body), facets: recordFacets(type, body) })).sort((a, b) => a.doc - b.doc);
  // The codes of the distinct values (new ones handed out in the order they first appear), looked up by facet
  // then value: no key string built per posting.
  const distinct = new Map<Facet, Set<string>>();
  const firstSeen: FacetValue[] = [];
  for (const { facets: values } of prepared) {
    for (const item of values) {
      const seen = distinct.get(item.facet) ?? distinct.set(item.facet, new Set()).get(item.facet)!;
      if (seen.has(item.value)) continue;
      seen.add(item.value);
      firstSeen.push(item);
    }
  }
  const codes = await codesOf(tx, firstSeen);
  const codeOf = new Map([...distinct].map(([facet, values]) => [facet, new Map([...values].map((value) => [value, codes.get(pairKey(facet, value))!]))]));
  const docs: [number[], string[], string[]] = [[], [], []];
  const byTerm = new Map<string, number[]>();
  const byCode = new Map<number, number[]>();
  const codeStrings: string[] = [];
  prepared.forEach(({ doc, terms: words, facets: values }, at) => {
    let string = '';
    for (const { facet, value } of values) {
      const code = codeOf.get(facet)!.get(value)!;
      string += codeChar(code);
      (byCode.get(code) ?? byCode.set(code, []).get(code)!).push(at);
    }
    codeStrings.push(string);
    docs[0].push(doc);
    docs[1].push(words.join(' '));
    docs[2].push(string);
    for (const term of words) (byTerm.get(term) ?? byTerm.set(term, []).get(term)!).push(at);
  });
  // The postings of each key in key order, each key's in doc order.
  const postings = <K>(groups: Map<K, number[]>, order: K[], parts: (key: K) => Cell[]): Cell[][] => {
    const columns: Cell[][] = [];
    for (const key of order) {
      const cells = parts(key);
      for (const at of groups.get(key)!) {
        cells.forEach((cell, i) => (columns[i] ??= []).push(cell));
        (columns[cells.length] ??= []).push(prepared[at]!.doc);
        (columns[cells.length + 1] ??= []).push(codeStrings[at]!);
      }
    }
    return columns;
  };
  const valueOf = new Map([...codes].map(([key, code]) => [code, key]));
  // Facet names are not prefixes of one another, so `pairKey`s sort as (facet, value) pairs do.
  const codeOrder = [...byCode.keys()].sort((a, b) => (valueOf.get(a)! < valueOf.get(b)! ? -1 : 1));
  await insertColumns(tx, 'gateway_docs', ['doc', 'terms', 'facets'], ['bigint', 'text', 'text'], docs);
  await insertColumns(tx, 'gateway_terms', ['term', 'doc', 'facets'], ['text', 'bigint', 'text'], postings(byTerm, [...byTerm.keys()].sort(), (term) => [term]));
  await insertColumns(tx, 'gateway_facets', ['facet', 'value', 'doc', 'facets'], ['text', 'text', 'bigint', 'text'], postings(byCode, codeOrder, (code) => valueOf.get(code)!.split(SEPARATOR)));
  await addTotals(tx, new Map([...byCode].map(([code, ats]) => [code, ats.length])), 1);
}

/** Removes a record from the search index: the postings it was indexed under, and its counts. */
export async function dropIndex(tx: Queryable, doc: number): Promise<void> {
  const indexed = await tx.get<{ terms: string; facets: string }>('SELECT terms, facets FROM gateway_docs WHERE doc = ?', [doc]);
  if (!indexed) return;
  const terms = indexed.terms === '' ? [] : indexed.terms.split(' ');
  if (tx.dialect === 'postgres') await tx.run('DELETE FROM gateway_terms WHERE doc = ? AND term = ANY(?::text[])', [doc, terms]);
  else for (const term of terms) await tx.run('DELETE FROM gateway_terms WHERE term = ? AND doc = ?', [term, doc]);
  const dictionary = await readFacetCodes(tx);
  const totals = new Map<number, number>();
  for (let i = 0; i < indexed.facets.length; i++) {
    const code = codeAt(indexed.facets, i);
    const { facet, value } = dictionary.get(code)!;
    await tx.run('DELETE FROM gateway_facets WHERE facet = ? AND value = ? AND doc = ?', [facet, value, doc]);
    totals.set(code, 1);
  }
  await addTotals(tx, totals, -1);
  await tx.run('DELETE FROM gateway_docs WHERE doc = ?', [doc]);
}

/** The next number in publication order. The clock row's lock orders concurrent publications. */
export async function nextDoc(tx: Queryable): Promise<number> {
  const row = await tx.get<{ doc: number | string }>('UPDATE gateway_clock SET doc = doc + 1 WHERE id = 1 RETURNING doc');
  return Number(row!.doc);
}

/** Moves the clock past `doc` (records numbered in bulk, as the benchmark's fixture does). */
export async function advanceClock(tx: Queryable, doc: number): Promise<void> {
  await tx.run('UPDATE gateway_clock SET doc = ? WHERE id = 1 AND doc < ?', [doc, doc]);
}

/** How a duplicate key is stored: its SHA-256 digest, in hex. */
export const digestKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Replaces the duplicate keys of a record with those of `body`. */
export async function writeDuplicateKeys(tx: Queryable, recordId: string, type: RecordType, body: GatewayRecord): Promise<void> {
  await dropDuplicateKeys(tx, recordId);
  const rows = duplicateKeys(type, body).map(({ reason, key }) => [digestKey(key), recordId, reason] as const);
  await insertRows(tx, 'gateway_duplicate_keys', ['key', 'record_id', 'reason'], ['text', 'text', 'text'], rows);
}

export async function dropDuplicateKeys(tx: Queryable, recordId: string): Promise<void> {
  await tx.run('DELETE FROM gateway_duplicate_keys WHERE record_id = ?', [recordId]);
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Flags every live record sharing a duplicate key with `recordId` (one flag per pair, whatever its order, so a
 * pair once dismissed is never flagged again). Answers the flags raised now.
 */
export async function flagDuplicates(tx: Queryable, recordId: string, at: number): Promise<FlagRecord[]> {
  const shared = await tx.all<{ other: string; reason: DuplicateReason }>(
    `SELECT DISTINCT k2.record_id AS other, k2.reason FROM gateway_duplicate_keys k1
     JOIN gateway_duplicate_keys k2 ON k2.key = k1.key AND k2.record_id <> k1.record_id
     WHERE k1.record_id = ?`,
    [recordId],
  );
  const reasons = new Map<string, Set<DuplicateReason>>();
  for (const { other, reason } of shared) (reasons.get(other) ?? reasons.set(other, new Set()).get(other)!).add(reason);
  const flags: FlagRecord[] = [];
  for (const [otherId, why] of [...reasons].sort(([a], [b]) => byCode(a, b))) {
    const flag: FlagRecord = { id: randomUUID(), recordId, otherId, reasons: [...why].sort(byCode), state: 'open', flaggedAt: at, decidedBy: null, decidedAt: null };
    const pair = [recordId, otherId].sort(byCode).join(' ');
    const added = await tx.run(`INSERT INTO gateway_duplicates (id, record_id, other_id, pair, reasons, state, flagged_at) VALUES (?, ?, ?, ?, ?, 'open', ?) ON CONFLICT (pair) DO NOTHING`, [
      flag.id,
      recordId,
      otherId,
      pair,
      flag.reasons.join(','),
      at,
    ]);
    if (added === 1) flags.push(flag);
  }
  return flags;
}

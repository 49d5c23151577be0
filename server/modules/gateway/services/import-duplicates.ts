/**
 * Which rows of an import are flagged as likely duplicates, and of what: decided from the rows' duplicate keys
 * (`shared/gateway/record-index.ts`) and the live records already holding them, so a dry run says exactly what
 * the import flags. A row resembles every earlier row of the file and every live record sharing a key with it,
 * as proposing the rows one after the other would find; it is flagged with at most `FLAGS_PER_ROW` of them, the
 * strongest first — the same title and source, then the same source, then the same title — and among equals
 * the nearest earlier row, then the newest record.
 *
 * Why a bound: a title many records share (a generic "Incident response handbook" naming no country) would
 * otherwise flag every pair of them, quadratic in their number, into a queue no moderator reads through; three
 * flags say that a row is likely a duplicate and of which records, and a moderator merging or dismissing them
 * finds the rest by searching its title.
 */
import type { DuplicateKey, DuplicateReason } from '../../../../shared/gateway/record-index.ts';
import type { KeyHolder } from '../repositories/import.repository.ts';

export const FLAGS_PER_ROW = 3;

/** A pair to flag: a row of the file (by position among the rows imported) and another row or a record. */
export interface RowPair {
  row: number;
  other: { row: number } | { id: string };
  reasons: DuplicateReason[];
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Both reasons first, then the source alone, then the title alone. */
const strength = (reasons: ReadonlySet<DuplicateReason>) => reasons.size * 2 + (reasons.has('source_url') ? 1 : 0);

interface Candidate {
  other: RowPair['other'];
  reasons: Set<DuplicateReason>;
  /** Nearer first: earlier rows by distance, then records by age. */
  distance: number;
}

/**
 * The pairs to flag for rows with `keys` (in file order), given the live records holding any of those keys.
 * Only the `FLAGS_PER_ROW` nearest holders of each key are looked at, so the work stays linear in the rows.
 * @example pairsToFlag([[titleKey], [titleKey]], []) // [{ row: 1, other: { row: 0 }, reasons: ['title'] }]
 */
export function pairsToFlag(keys: readonly (readonly DuplicateKey[])[], holders: readonly KeyHolder[]): RowPair[] {
  const newestFirst = [...holders].sort((a, b) => b.proposedAt - a.proposedAt || byCode(a.recordId, b.recordId));
  const age = new Map<string, number>();
  const held = new Map<string, KeyHolder[]>();
  for (const h of newestFirst) {
    if (!age.has(h.recordId)) age.set(h.recordId, age.size);
    (held.get(h.key) ?? held.set(h.key, []).get(h.key)!).push(h);
  }
  const earlier = new Map<string, number[]>();
  const pairs: RowPair[] = [];
  keys.forEach((own, row) => {
    const candidates = new Map<string, Candidate>();
    const add = (id: string, other: RowPair['other'], distance: number, reason: DuplicateReason) => {
      const found = candidates.get(id) ?? candidates.set(id, { other, reasons: new Set(), distance }).get(id)!;
      found.reasons.add(reason);
    };
    for (const { key, reason } of own) {
      const before = earlier.get(key) ?? earlier.set(key, []).get(key)!;
      for (const other of before.slice(-FLAGS_PER_ROW)) add(`row:${other}`, { row: other }, row - other, reason);
      before.push(row);
      for (const h of (held.get(key) ?? []).slice(0, FLAGS_PER_ROW)) add(h.recordId, { id: h.recordId }, row + 1 + age.get(h.recordId)!, reason);
    }
    const chosen = [...candidates.values()].sort((a, b) => strength(b.reasons) - strength(a.reasons) || a.distance - b.distance).slice(0, FLAGS_PER_ROW);
    for (const c of chosen) pairs.push({ row, other: c.other, reasons: [...c.reasons].sort(byCode) });
  });
  return pairs;
}

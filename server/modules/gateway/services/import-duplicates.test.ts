// Which rows of an import are flagged, and of what: earlier rows and live records sharing a key, the strongest
// likeness first (title and source, then source, then title), the nearest among equals, at most three per row.
import { describe, expect, it } from 'vitest';
import type { DuplicateKey } from '../../../../shared/gateway/record-index.ts';
import type { KeyHolder } from '../repositories/import.repository.ts';
import { FLAGS_PER_ROW, pairsToFlag } from './import-duplicates.ts';

const title = (t: string): DuplicateKey => ({ reason: 'title', key: `title:${t}` });
const source = (s: string): DuplicateKey => ({ reason: 'source_url', key: `source:${s}` });
const holder = (recordId: string, key: DuplicateKey, proposedAt: number): KeyHolder => ({ recordId, key: key.key, reason: key.reason, proposedAt });

describe('pairsToFlag', () => {
  it('flags a row with the earlier rows and the records sharing a key with it, never itself', () => {
    const pairs = pairsToFlag([[title('a'), source('x')], [title('b')], [title('a')], [source('x'), title('c')]], [holder('r1', title('b'), 1)]);
    expect(pairs).toEqual([
      { row: 1, other: { id: 'r1' }, reasons: ['title'] },
      { row: 2, other: { row: 0 }, reasons: ['title'] },
      { row: 3, other: { row: 0 }, reasons: ['source_url'] },
    ]);
    expect(pairsToFlag([[title('a')], [title('z')]], [])).toEqual([]);
  });

  it('keeps the strongest likeness first, then the nearest row, then the newest record, at most three', () => {
    const rows = [[title('t')], [title('t')], [title('t'), source('s')], [title('t')], [title('t'), source('s')]];
    const holders = [holder('old', title('t'), 1), holder('new', title('t'), 9)];
    const last = pairsToFlag(rows, holders).filter((p) => p.row === 4);
    expect(FLAGS_PER_ROW).toBe(3);
    expect(last).toEqual([
      { row: 4, other: { row: 2 }, reasons: ['source_url', 'title'] },
      { row: 4, other: { row: 3 }, reasons: ['title'] },
      { row: 4, other: { row: 1 }, reasons: ['title'] },
    ]);
    expect(pairsToFlag([[title('t')]], holders)).toEqual([
      { row: 0, other: { id: 'new' }, reasons: ['title'] },
      { row: 0, other: { id: 'old' }, reasons: ['title'] },
    ]);
  });

  it('stays linear when thousands of rows share one title', () => {
    const rows = Array.from({ length: 5_000 }, () => [title('Incident response handbook')]);
    const pairs = pairsToFlag(rows, []);
    expect(pairs).toHaveLength(1 + 2 + 3 * (5_000 - 3));
  });
});

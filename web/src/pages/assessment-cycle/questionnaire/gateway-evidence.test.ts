import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../api/cycle-types.ts';
import type { PublishedRecord } from '../../../api/gateway-types.ts';
import { citable, recordPageUrl } from './gateway-evidence.ts';

const record = (id: string, pillars: string[], indicators: string[]): PublishedRecord => ({
  id,
  type: 'cirt',
  revision: 1,
  record: { type: 'cirt', title: { en: id }, pillars, indicators },
  languages: ['en'],
  published_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

const linkTo = (url: string): Evidence => ({
  id: 'e1', question: 'q', kind: 'link', visibility: 'public', name: 'x', media_type: null, size: null, url, added_at: '2026-01-01T00:00:00Z',
  added_by: { id: 'u', name: 'u' } as Evidence['added_by'],
});

const question = { indicator: 'technical-national-cirt', pillar: 'technical' };
const origin = 'https://hub.example';

describe('Gateway records a question may cite', () => {
  it('puts records naming the indicator before those of the pillar only, keeping the order given', () => {
    const records = [record('a', ['technical'], []), record('b', ['technical'], ['technical-national-cirt']), record('c', ['legal'], ['legal-cybercrime']), record('d', [], ['technical-national-cirt'])];
    const found = citable(records, question, [], origin);
    expect(found.map((c) => [c.record.id, c.match])).toEqual([['b', 'indicator'], ['d', 'indicator'], ['a', 'pillar']]);
  });

  it('finds nothing for questions of ids the Gateway does not use', () => {
    expect(citable([record('a', ['technical'], ['technical-national-cirt'])], { indicator: 'sim3-o1', pillar: 'organisation' }, [], origin)).toEqual([]);
  });

  it('marks a record already cited by a link to its page', () => {
    const records = [record('a', [], ['technical-national-cirt']), record('b', [], ['technical-national-cirt'])];
    const found = citable(records, question, [linkTo(recordPageUrl(origin, 'b'))], origin);
    expect(found.map((c) => c.cited)).toEqual([false, true]);
  });

  it('links to the record page below the UI, its id escaped', () => {
    expect(recordPageUrl(origin, 'x y')).toBe('https://hub.example/ui/gateway/records/x%20y');
  });
});

import { describe, expect, it } from 'vitest';
import { m49Scheme } from '../../../../../shared/assessment/regions.ts';
import { parentOf, regionRows } from './region-tree.ts';

describe('the regions in reading order', () => {
  it('puts each M49 region before its sub-regions', () => {
    const rows = regionRows(['155', '002', '150', '015', '202', '039', '009', '053'].map((region) => ({ region })));
    expect(rows.map((r) => `${r.level}:${r.aggregate.region}`)).toEqual(['0:002', '1:015', '1:202', '0:150', '1:039', '1:155', '0:009', '1:053']);
  });

  it('knows the region of every M49 sub-region the country table has', () => {
    const codes = [...m49Scheme().keys()];
    const subRegions = codes.filter((code) => !['002', '019', '142', '150', '009'].includes(code));
    expect(subRegions.length).toBe(17);
    for (const code of subRegions) expect(parentOf(code), code).toMatch(/^(002|019|142|150|009)$/);
    expect(parentOf('145')).toBe('142');
    expect(regionRows(codes.map((region) => ({ region }))).map((r) => r.aggregate.region).sort()).toEqual([...codes].sort());
  });

  it('lists a code it does not know last, and a sub-region whose region is missing at the top level', () => {
    const rows = regionRows([{ region: 'X1' }, { region: '015' }, { region: '002' }, { region: '145' }]);
    expect(rows.map((r) => `${r.level}:${r.aggregate.region}`)).toEqual(['0:002', '1:015', '0:145', '0:X1']);
  });
});

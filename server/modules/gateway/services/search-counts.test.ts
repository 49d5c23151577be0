// Facet counts as records change, on both databases: the totals a search with no condition answers, and the
// counts of a search scanning postings, are those of the published records as they are now — after
// corrections that change their facets, a merge that takes one out, and records still pending (not counted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../core/auth/actor.ts';
import type { Platform } from '../../../platform.ts';
import { FACETS, recordFacets } from '../../../../shared/gateway/record-index.ts';
import { generateGatewayRecords } from '../../../../shared/synthetic/gateway-records.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';

/** The counts the rules give, from the published records themselves. */
async function expectedCounts(platform: Platform) {
  const counts = new Map<string, number>();
  for (const record of (await platform.gatewaySearch.find({ limit: 100 })).records) {
    for (const { facet, value } of recordFacets(record.type, record.body!)) counts.set(`${facet}:${value}`, (counts.get(`${facet}:${value}`) ?? 0) + 1);
  }
  return counts;
}

const flatten = (facets: Record<string, { value: string; count: number }[]>) => new Map(FACETS.flatMap((f) => facets[f]!.map(({ value, count }) => [`${f}:${value}`, count] as const)));

describe.each(dialects)('facet counts as records change, on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  const ids: string[] = [];

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    for (const { type, record } of generateGatewayRecords(11, 40)) {
      const { record: stored } = await platform.gatewayRecords.propose(SYSTEM, { type, record });
      ids.push(stored.id);
      if (ids.length <= 35) await platform.gatewayModeration.moderate(SYSTEM, stored.id, 1, { action: 'accept' });
    }
  });
  afterAll(() => test.close());

  it('count what is published now, with no condition and through postings alike', async () => {
    const check = async () => {
      const expected = await expectedCounts(platform);
      expect(flatten((await platform.gatewaySearch.find({})).facets)).toEqual(expected);
      // Every published record has a pillar: a search on each pillar covers them all, through postings.
      const byPillar = new Map<string, number>();
      for (const pillar of ['legal', 'technical', 'organisational', 'capacity', 'cooperation']) {
        const { facets } = await platform.gatewaySearch.find({ pillar });
        expect(flatten(facets).get(`pillar:${pillar}`) ?? 0).toBe(expected.get(`pillar:${pillar}`) ?? 0);
        byPillar.set(pillar, facets.type.reduce((n, t) => n + t.count, 0));
      }
      expect(Math.max(...byPillar.values())).toBeGreaterThan(0);
    };
    await check();
    // A correction that moves a record to other countries, languages and years.
    const first = await platform.gatewayRecords.get(SYSTEM, ids[0]!);
    const body = { ...first.record.body!, title: { zh: '网络安全战略', ru: 'Стратегия кибербезопасности' }, pillars: ['legal'] };
    const revised = await platform.gatewayRecords.revise(SYSTEM, ids[0]!, { record: body });
    await platform.gatewayModeration.moderate(SYSTEM, ids[0]!, revised.revision.revision, { action: 'accept' });
    await check();
    // A merge takes a record out of the search and of the counts.
    const flagged = await platform.gatewayRecords.propose(SYSTEM, { type: first.record.type, record: { ...body, summary: { en: 'the same again' } } });
    await platform.gatewayModeration.moderate(SYSTEM, flagged.record.id, 1, { action: 'accept' });
    const { items } = await platform.gatewayDuplicates.list(SYSTEM);
    const pair = items.find((i) => [i.record.id, i.other.id].includes(flagged.record.id))!;
    await platform.gatewayDuplicates.merge(SYSTEM, pair.flag.id);
    expect((await platform.gatewaySearch.find({})).total).toBe(35);
    await check();
  });
});

// The multilingual search through the real store, on SQLite and PostgreSQL side by side: every text of the
// search terms' matrix (shared/gateway/testing/search-matrix.ts) published as a record, then every query of it
// searched. Each row's text is found exactly when the row says so, and both databases answer the same records
// in the same order, with the same totals and facet counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../core/auth/actor.ts';
import type { Platform } from '../../../platform.ts';
import { SEARCH_MATRIX } from '../../../../shared/gateway/testing/search-matrix.ts';
import type { Language } from '../../../../shared/i18n/languages.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';

/** The language a text is filed under: the one its script says, else the row's (a Latin one). */
function languageOf(text: string, row: string): Language {
  if (/\p{Script=Arabic}/u.test(text)) return 'ar';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  return row === 'fr' || row === 'es' ? row : 'en';
}

const TEXTS = [...new Map(SEARCH_MATRIX.map(([row, , text]) => [text, languageOf(text, row)])).entries()];
const COUNTRIES = ['TN', 'CN', 'RU', 'FR', 'MX', 'AE'];

describe('the search terms matrix through the store, on both databases', () => {
  const stores: TestPlatform[] = [];
  /** Per database, the record id of each text and the text of each id. */
  const ids: Map<string, string>[] = [];
  const texts: Map<string, string>[] = [];

  beforeAll(async () => {
    for (const dialect of dialects) {
      const store = await openTestPlatform(dialect);
      stores.push(store);
      const byText = new Map<string, string>();
      for (const [i, [text, language]] of TEXTS.entries()) {
        const common = { title: { [language]: text }, source_url: `https://example.org/matrix/${i}`, pillars: [['legal', 'technical', 'capacity'][i % 3]] };
        const [type, record] = i % 2 ? ['resource', { ...common, kind: 'guide' }] : ['initiative', { ...common, scope: 'national', countries: [COUNTRIES[i % 6]] }];
        const proposed = await store.platform.gatewayRecords.propose(SYSTEM, { type: type as string, record });
        await store.platform.gatewayModeration.moderate(SYSTEM, proposed.record.id, 1, { action: 'accept' });
        byText.set(text, proposed.record.id);
      }
      ids.push(byText);
      texts.push(new Map([...byText].map(([text, id]) => [id, text])));
    }
  }, 120_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  const search = (platform: Platform, q: string, extra: Record<string, string> = {}) => platform.gatewaySearch.find({ q, limit: 100, ...extra });

  it.each(SEARCH_MATRIX)('%s: «%s» finds «%s»: %s (%s)', async (_language, query, text, expected) => {
    const answers = [];
    for (const [i, { platform }] of stores.entries()) {
      const result = await search(platform, query);
      expect(result.records.map((r) => r.id).includes(ids[i]!.get(text)!), `${dialects[i]}: «${query}» in «${text}»`).toBe(expected);
      answers.push({ total: result.total, texts: result.records.map((r) => texts[i]!.get(r.id)), facets: result.facets });
    }
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });

  it('answers facets, filters and pages alike on both databases', async () => {
    const answers = [];
    for (const [i, { platform }] of stores.entries()) {
      const all = await search(platform, '');
      expect(all.total).toBe(TEXTS.length);
      const filtered = await search(platform, '', { type: 'initiative', region: '002' });
      expect(filtered.records.every((r) => r.type === 'initiative')).toBe(true);
      const pages: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await platform.gatewaySearch.find({ limit: 7, cursor });
        pages.push(...page.records.map((r) => texts[i]!.get(r.id)!));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(pages).toEqual(all.records.map((r) => texts[i]!.get(r.id)));
      answers.push({ facets: all.facets, filtered: [filtered.total, filtered.facets, filtered.records.map((r) => texts[i]!.get(r.id))], pages });
    }
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });
});

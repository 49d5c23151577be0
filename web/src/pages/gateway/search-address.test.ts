import { describe, expect, it } from 'vitest';
import { addressOf, chosenFacets, exportHref, filtersOf, isBlank, requestOf, withFacet, withQuery } from './search-address.ts';

const parse = (address: string) => filtersOf(new URL(address, 'http://ui.test').searchParams);

describe('the search in the address', () => {
  it('reads the query, the facets and the page from the address', () => {
    const filters = parse('/gateway?q=%D8%A7%D9%84%D8%A3%D9%85%D9%86&type=strategy&country=TN&year=2020&cursor=17');
    expect(filters).toMatchObject({ q: 'الأمن', type: 'strategy', country: 'TN', year: '2020', cursor: '17', region: '', pillar: '', language: '' });
    expect(chosenFacets(filters)).toEqual(['type', 'country', 'year']);
  });

  it('writes back the same search, leaving out what is empty', () => {
    const address = '/gateway?q=cyber+security&type=cirt&language=fr';
    expect(addressOf(parse(address))).toBe(address);
    expect(addressOf(parse('/gateway?q=&type=&foo=bar'))).toBe('/gateway');
  });

  it('round-trips any search: filters → address → filters', () => {
    const filters = { q: 'استراتيجية 网络安全 «x&y»', cursor: '', type: 'strategy', country: 'MA', region: '002', pillar: 'legal', language: 'ar', year: '2024' };
    expect(parse(addressOf(filters))).toEqual(filters);
  });

  it('asks the REST API for a page with the same names, and exports everything found', () => {
    const filters = parse('/gateway?q=strategy&region=145&cursor=40');
    expect(requestOf(filters)).toBe('/gateway/records?q=strategy&region=145&limit=20&cursor=40');
    expect(exportHref(filters, 'csv')).toBe('/api/v1/gateway/export?q=strategy&region=145&format=csv');
  });

  it('goes back to the first page when the query or a facet changes', () => {
    const filters = parse('/gateway?q=x&cursor=40&country=TN');
    expect(withFacet(filters, 'type', 'cirt')).toMatchObject({ type: 'cirt', cursor: '', country: 'TN' });
    expect(withFacet(filters, 'country', '')).toMatchObject({ country: '', cursor: '' });
    expect(withQuery(filters, '  y  ')).toMatchObject({ q: 'y', cursor: '' });
  });

  it('knows a blank search', () => {
    expect(isBlank(parse('/gateway'))).toBe(true);
    expect(isBlank(parse('/gateway?cursor=3'))).toBe(true);
    expect(isBlank(parse('/gateway?year=2020'))).toBe(false);
  });
});

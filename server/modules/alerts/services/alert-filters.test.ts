// The subscription filters, table-driven: each filter alone, several together (all must match), the TLP
// ceiling, and RED never matched whatever the ceiling says.
import { describe, expect, it } from 'vitest';
import { TLP_AMBER, TLP_AMBER_STRICT, TLP_CLEAR, TLP_GREEN, TLP_RED } from '../../../../shared/stix/sharing.ts';
import { matchesFilters, mayMatchCollection, observableValuesOf, type MatchFacts, type SubscriptionFilters } from './alert-filters.ts';

const none: SubscriptionFilters = { communities: [], collections: [], types: [], labels: [], maxTlp: TLP_AMBER_STRICT, watch: [] };
const indicator = { type: 'indicator', pattern_type: 'stix', pattern: "[ipv4-addr:value = '192.0.2.1'] AND [domain-name:value = 'evil.example']", labels: ['phishing'] };
const CORE = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';
const incident = (types: string[]) => ({ type: 'incident', name: 'i', extensions: { [CORE]: { extension_type: 'property-extension', determination: 'suspected', investigation_status: 'new', incident_types: types } } });
const facts = (more: Partial<MatchFacts> = {}): MatchFacts => ({ type: 'indicator', tlp: TLP_GREEN, collectionId: 'c1', community: 'k1', object: indicator, ...more });

describe('alert filters', () => {
  const cases: [string, Partial<SubscriptionFilters>, Partial<MatchFacts>, boolean][] = [
    ['no filter matches anything below the ceiling', {}, {}, true],
    ['community given', { communities: ['k1'] }, {}, true],
    ['another community', { communities: ['k2'] }, {}, false],
    ['a collection outside communities', { communities: ['k1'] }, { community: null }, false],
    ['collection given', { collections: ['c2', 'c1'] }, {}, true],
    ['another collection', { collections: ['c2'] }, {}, false],
    ['type given', { types: ['malware', 'indicator'] }, {}, true],
    ['another type', { types: ['malware'] }, {}, false],
    ['label given', { labels: ['phishing'] }, {}, true],
    ['another label', { labels: ['spam'] }, {}, false],
    ['no labels on the object', { labels: ['phishing'] }, { object: { type: 'indicator' } }, false],
    ['watched value in the pattern', { watch: ['evil.example'] }, {}, true],
    ['watched value elsewhere', { watch: ['192.0.2.10'] }, {}, false],
    ['watched value of an SCO', { watch: ['198.51.100.9'] }, { type: 'ipv4-addr', object: { type: 'ipv4-addr', value: '198.51.100.9' } }, true],
    ['major incidents only: a major incident', { majorIncidents: true }, { type: 'incident', object: incident(['compromised-system', 'major']) }, true],
    ['major incidents only: another incident', { majorIncidents: true }, { type: 'incident', object: incident(['compromised-system']) }, false],
    ['major incidents only: not an incident', { majorIncidents: true }, { object: { ...indicator, extensions: incident(['major']).extensions } }, false],
    ['every filter matching', { communities: ['k1'], types: ['indicator'], labels: ['phishing'], watch: ['192.0.2.1'] }, {}, true],
    ['one filter of several not matching', { communities: ['k1'], types: ['indicator'], labels: ['spam'] }, {}, false],
    ['above the ceiling', { maxTlp: TLP_CLEAR }, { tlp: TLP_GREEN }, false],
    ['at the ceiling', { maxTlp: TLP_AMBER }, { tlp: TLP_AMBER }, true],
    ['RED, whatever the ceiling', { maxTlp: TLP_RED }, { tlp: TLP_RED }, false],
  ];
  it.each(cases)('%s', (_name, filters, more, expected) => {
    expect(matchesFilters({ ...none, ...filters }, facts(more))).toBe(expected);
  });

  it('tells from the collection alone when nothing can match', () => {
    expect(mayMatchCollection({ ...none, collections: ['c1'] }, 'c1', null)).toBe(true);
    expect(mayMatchCollection({ ...none, collections: ['c1'] }, 'c2', null)).toBe(false);
    expect(mayMatchCollection({ ...none, communities: ['k1'] }, 'c1', 'k2')).toBe(false);
  });

  it('takes observable values from an SCO or from a STIX pattern only', () => {
    expect(observableValuesOf(indicator).sort()).toEqual(['192.0.2.1', 'evil.example']);
    expect(observableValuesOf({ type: 'indicator', pattern_type: 'sigma', pattern: "[ipv4-addr:value = '192.0.2.1']" })).toEqual([]);
    expect(observableValuesOf({ type: 'url', value: 'http://x.example/' })).toEqual(['http://x.example/']);
  });
});

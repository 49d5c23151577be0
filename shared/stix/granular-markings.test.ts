import { describe, expect, it } from 'vitest';
import { explainSelector } from './granular-markings.ts';
import { TLP_GREEN, findings, variant } from './testing/stix-fixtures.ts';

// The specification's own selector example (§7.2.3.1).
const vulnerability = {
  id: 'vulnerability--ee916c28-c7a4-4d0d-ad56-a8d357f89fef', spec_version: '2.1', created: '2016-02-14T00:00:00.000Z',
  modified: '2016-02-14T00:00:00.000Z', type: 'vulnerability', name: 'CVE-2014-0160', description: 'The (1) TLS...',
  external_references: [{ source_name: 'cve', external_id: 'CVE-2014-0160' }], labels: ['heartbleed', 'has-logo'],
};

describe('selector resolution', () => {
  it.each(['description', 'external_references.[0].source_name', 'labels.[0]', 'labels', 'external_references'])(
    'resolves the valid selector %s', (selector) => {
      expect(explainSelector(vulnerability, selector)).toBeUndefined();
    },
  );

  it.each([
    ['pattern', 'the object has no "pattern"'],
    ['external_references.[3]', 'external_references has 1 item(s), so [3] is out of range'],
    ['description.[0]', 'description is not a list, so [0] selects nothing'],
    ['labels.name', 'labels is not an object, so "name" selects nothing'],
    ['', 'it is empty'],
    ['labels.[01]', 'labels is not an object, so "[01]" selects nothing'],
  ])('rejects the invalid selector %s', (selector, reason) => {
    expect(explainSelector(vulnerability, selector)).toBe(reason);
  });
});

describe('granular markings on objects', () => {
  const marked = (markings: unknown) => ({ ...vulnerability, granular_markings: markings });

  it('accepts data and language markings whose selectors resolve', () => {
    expect(findings(marked([
      { marking_ref: TLP_GREEN, selectors: ['description', 'labels.[1]'] },
      { lang: 'de', selectors: ['name'] },
    ]))).toEqual([]);
  });

  it('reports each selector that does not resolve at its own path', () => {
    expect(findings(marked([{ marking_ref: TLP_GREEN, selectors: ['description', 'pattern', 'labels.[2]'] }]))).toEqual([
      'error granular-marking-selector $.granular_markings[0].selectors[1]',
      'error granular-marking-selector $.granular_markings[0].selectors[2]',
    ]);
  });

  it('needs exactly one of marking_ref and lang', () => {
    expect(findings(marked([{ selectors: ['name'] }]))).toEqual(['error one-of-required $.granular_markings[0]']);
    expect(findings(marked([{ selectors: ['name'], lang: 'en', marking_ref: TLP_GREEN }])))
      .toEqual(['error mutually-exclusive $.granular_markings[0].lang']);
  });

  it('checks the marking reference, the language and the selector list', () => {
    expect(findings(marked([{ marking_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff', selectors: ['name'] }])))
      .toEqual(['error ref-type $.granular_markings[0].marking_ref']);
    expect(findings(marked([{ lang: 'not a tag', selectors: [] }]))).toEqual([
      'error invalid-format $.granular_markings[0].lang', 'error empty-list $.granular_markings[0].selectors',
    ]);
    expect(findings(marked([{ lang: 'en', selectors: ['name'], extra: 1 }])))
      .toEqual(['error invalid-property-name $.granular_markings[0].extra']);
  });

  it('applies to SCOs too', () => {
    expect(findings(variant('mutex', { granular_markings: [{ marking_ref: TLP_GREEN, selectors: ['value'] }] })))
      .toEqual(['error granular-marking-selector $.granular_markings[0].selectors[0]']);
  });
});

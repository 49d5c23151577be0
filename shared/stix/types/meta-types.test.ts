import { describe, expect, it } from 'vitest';
import { META_TYPES } from './meta-types.ts';
import { TLP1_MARKING_OBJECTS, TLP2_EXTENSION_DEFINITION, TLP2_EXTENSION_ID, TLP2_MARKING_OBJECTS, TLP2_MARKINGS } from '../tlp.ts';
import { VALID, findings, variant } from '../testing/stix-fixtures.ts';

describe('meta object declarations', () => {
  it('declares marking-definition, language-content and extension-definition', () => {
    expect(META_TYPES.map((definition) => definition.type)).toEqual(['marking-definition', 'language-content', 'extension-definition']);
  });

  it.each(META_TYPES.map((definition) => definition.type))('accepts a valid %s with no finding', (type) => {
    expect(findings(VALID[type])).toEqual([]);
  });

  it.each([...TLP1_MARKING_OBJECTS, ...TLP2_MARKING_OBJECTS, TLP2_EXTENSION_DEFINITION].map((object) => [object.id, object]))(
    'accepts the published %s', (_id, object) => {
      expect(findings(object)).toEqual([]);
    },
  );
});

const tlp2 = (level: string, id: string) => ({
  type: 'marking-definition', spec_version: '2.1', id, created: '2022-10-01T00:00:00.000Z', name: `TLP:${level.toUpperCase()}`,
  extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
});

describe('marking definitions', () => {
  it('rejects a TLP 1.0 marking that is not one of the four fixed instances', () => {
    const copy = { ...TLP1_MARKING_OBJECTS[1], id: 'marking-definition--6d4b4a13-1c9b-4fd8-8a3b-1b1bfa0bbc11' };
    expect(findings(copy)).toEqual(['error tlp-marking-mismatch $.id']);
  });

  it('rejects a TLP 2.0 marking whose id is not the fixed one of its level', () => {
    expect(findings(tlp2('red', TLP2_MARKINGS.green))).toEqual(['error tlp-marking-mismatch $.id']);
  });

  it('rejects TLP levels outside the enumerations', () => {
    expect(findings(tlp2('purple', TLP2_MARKINGS.red))).toEqual([
      `error enum-value $.extensions['${TLP2_EXTENSION_ID}'].tlp_2_0`,
    ]);
    expect(findings(variant('marking-definition', { definition_type: 'tlp', definition: { tlp: 'blue' } })))
      .toEqual(['error enum-value $.definition.tlp']);
  });

  it('needs definition_type and definition when there are no extensions', () => {
    expect(findings(variant('marking-definition', { definition_type: undefined, definition: undefined }))).toEqual([
      'error required-property $.definition_type', 'error required-property $.definition',
    ]);
  });

  it('needs the statement of a statement marking', () => {
    expect(findings(variant('marking-definition', { definition: { text: 'Copyright' } }))).toEqual([
      'error required-property $.definition.statement',
    ]);
  });

  it('has no modified and cannot mark itself', () => {
    expect(findings(variant('marking-definition', {
      modified: '2016-08-01T00:00:00.000Z', object_marking_refs: ['marking-definition--4a0042fe-8b88-40fe-9600-dfa128ce6fbd'],
    }))).toEqual(['error property-not-applicable $.modified', 'error circular-marking $.object_marking_refs']);
  });

  it('warns on a definition type outside the vocabulary', () => {
    expect(findings(variant('marking-definition', { definition_type: 'iep', definition: { policy: 'x' } })))
      .toEqual(['warning vocab-value $.definition_type']);
  });
});

describe('language content', () => {
  it('needs language tags as content keys and has no lang', () => {
    expect(findings(variant('language-content', { contents: { 'not a tag': { name: 'x' } }, lang: 'en' }))).toEqual([
      "error invalid-dictionary-key $.contents['not a tag']", 'error property-not-applicable $.lang',
    ]);
  });

  it('needs object_ref and contents', () => {
    expect(findings(variant('language-content', { object_ref: undefined, contents: undefined }))).toEqual([
      'error required-property $.object_ref', 'error required-property $.contents',
    ]);
  });
});

describe('extension definitions', () => {
  it('needs a creator and known extension types', () => {
    expect(findings(variant('extension-definition', { created_by_ref: undefined, extension_types: ['new-thing'] }))).toEqual([
      'error enum-value $.extension_types[0]', 'error required-property $.created_by_ref',
      'error conditional-property $.extension_properties',
    ]);
  });

  it('takes no extensions itself', () => {
    expect(findings(variant('extension-definition', {
      extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension' } },
    }))).toEqual(['error property-not-applicable $.extensions']);
  });
});

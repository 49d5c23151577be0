import { describe, expect, it } from 'vitest';
import { TLP2_EXTENSION_ID } from './tlp.ts';
import { findings, variant } from './testing/stix-fixtures.ts';

const EXT = 'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e';
const tactic = {
  type: 'x-mitre-tactic', spec_version: '2.1', id: 'x-mitre-tactic--69da72d2-f550-41c5-ab9e-e8255707f28a',
  created: '2020-05-06T21:01:19.000Z', modified: '2022-04-25T14:00:00.188Z', name: 'Initial Access',
  x_mitre_shortname: 'initial-access', x_mitre_domains: ['ics-attack'], object_marking_refs: [
    'marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168'],
};

describe('custom objects', () => {
  it('accepts an x- object with only the common checks and no warning', () => {
    expect(findings(tactic)).toEqual([]);
  });

  it('still applies the common checks to custom objects', () => {
    expect(findings({ ...tactic, modified: '2019-01-01T00:00:00.000Z', confidence: 200, spec_version: '2.0' })).toEqual([
      'error invalid-spec-version $.spec_version', 'error out-of-range $.confidence', 'error timestamp-order $.modified',
    ]);
  });

  it('warns once on a custom type without the x- prefix or an extension definition', () => {
    expect(findings({ ...tactic, type: 'tactic', id: 'tactic--69da72d2-f550-41c5-ab9e-e8255707f28a' }))
      .toEqual(['warning unprefixed-custom-type $.type']);
  });

  it('requires the SDO common properties of a new-sdo extension object', () => {
    const object = {
      type: 'my-favorite-sdo', id: 'my-favorite-sdo--ac97aae4-83f1-46ca-a351-7aeb76678189', name: 'x',
      extensions: { 'extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62': { extension_type: 'new-sdo' } },
    };
    expect(findings(object)).toEqual([
      'error required-property $.spec_version', 'error required-property $.created', 'error required-property $.modified',
    ]);
  });

  it('does not allow new-sdo on a type the specification defines', () => {
    expect(findings(variant('indicator', { extensions: { [EXT]: { extension_type: 'new-sdo' } } })))
      .toEqual([`error extension-type-misuse $.extensions['${EXT}'].extension_type`]);
  });
});

describe('custom properties', () => {
  it('accepts x_ and other lower-case names on any object', () => {
    expect(findings(variant('indicator', { x_acme_risk: 10, rank: { a: 1 }, toxicity: [] }))).toEqual([]);
  });

  it.each([
    ['upper-case letters', 'x_Acme'],
    ['a hyphen', 'x-acme'],
    ['two characters', 'xy'],
    ['251 characters', 'x'.repeat(251)],
  ])('rejects names with %s', (_description, name) => {
    expect(findings(variant('indicator', { [name]: 1 }))).toEqual([`error invalid-property-name $${name.includes('-') ? `['${name}']` : `.${name}`}`]);
  });
});

describe('extensions', () => {
  it('accepts property extensions and toplevel property extensions', () => {
    expect(findings(variant('indicator', {
      rank: 1,
      extensions: { [EXT]: { extension_type: 'property-extension', rank: 5, toxicity: 8 },
        'extension-definition--71736db5-10db-43d3-b0e3-65cf81601fe1': { extension_type: 'toplevel-property-extension' } },
    }))).toEqual([]);
  });

  it('requires extension_type on an extension-definition extension', () => {
    expect(findings(variant('indicator', { extensions: { [EXT]: { rank: 5 } } })))
      .toEqual([`error required-property $.extensions['${EXT}'].extension_type`]);
  });

  it('rejects unknown extension types and bad property names inside the extension', () => {
    expect(findings(variant('indicator', { extensions: { [EXT]: { extension_type: 'plugin', Rank: 5 } } }))).toEqual([
      `error enum-value $.extensions['${EXT}'].extension_type`, `error invalid-property-name $.extensions['${EXT}'].Rank`,
    ]);
  });

  it('rejects keys that are neither predefined nor extension definitions on SDOs', () => {
    expect(findings(variant('indicator', { extensions: { 'x-acme-ext': { a: 1 } } })))
      .toEqual(["error invalid-extension-key $.extensions['x-acme-ext']"]);
    expect(findings(variant('indicator', { extensions: { 'extension-definition--1234': { extension_type: 'property-extension' } } })))
      .toEqual(["error invalid-extension-key $.extensions['extension-definition--1234']"]);
  });

  it('warns on deprecated custom SCO extensions', () => {
    expect(findings(variant('mutex', { extensions: { 'x-example-com-foo': { foo_val: 'foo' } } })))
      .toEqual(["warning deprecated-custom-extension $.extensions['x-example-com-foo']"]);
  });

  it('knows the TLP 2.0 extension is a property extension', () => {
    expect(findings(variant('indicator', { extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'red' } } })))
      .toEqual([]);
  });
});

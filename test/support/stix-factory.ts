/** Small valid STIX 2.1 objects for tests, each with a fresh id unless one is given. */
import { randomUUID } from 'node:crypto';

type StixObject = Record<string, unknown>;

export function indicator(overrides: StixObject = {}): StixObject {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: 'Malicious site',
    pattern: "[domain-name:value = 'bad.example']",
    pattern_type: 'stix',
    valid_from: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function identity(overrides: StixObject = {}): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${randomUUID()}`,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: 'National CIRT',
    identity_class: 'organization',
    ...overrides,
  };
}

export function malware(overrides: StixObject = {}): StixObject {
  return {
    type: 'malware',
    spec_version: '2.1',
    id: `malware--${randomUUID()}`,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: 'Sample family',
    is_family: true,
    ...overrides,
  };
}

/** A later version of an object: same id, a later `modified`. */
export function nextVersion(object: StixObject, modified: string, overrides: StixObject = {}): StixObject {
  return { ...object, modified, ...overrides };
}

export function envelope(...objects: StixObject[]): { objects: StixObject[] } {
  return { objects };
}

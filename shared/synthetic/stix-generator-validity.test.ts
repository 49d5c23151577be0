import { describe, expect, it } from 'vitest';
import { TLP2_MARKINGS, computeScoId, hasErrors, validateObject } from '../stix/index.ts';
import { SCO_TYPES } from './observables.ts';
import { generateObjects } from './stix-generator.ts';

const objects = [...generateObjects({ seed: 2025, count: 5_000 })];
const SCO = new Set<string>(SCO_TYPES);

/** Every id an object points at: the values of `*_ref` and `*_refs` properties, at any depth. */
function references(value: unknown, key = '', found: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (key.endsWith('_refs') && typeof item === 'string') found.push([key, item]);
      else references(item, '', found);
    }
  } else if (value && typeof value === 'object') {
    for (const [name, child] of Object.entries(value)) references(child, name, found);
  } else if (key.endsWith('_ref') && typeof value === 'string') {
    found.push([key, value]);
  }
  return found;
}

describe('generateObjects: validity', () => {
  it('yields objects the validator accepts without a single error (nor warning)', () => {
    const checked = objects.map((object) => ({ object, problems: validateObject(object) }));
    expect(checked.filter(({ problems }) => hasErrors(problems)).slice(0, 3)).toEqual([]);
    // Warnings (words outside the suggested vocabularies) would make the demo data look less realistic.
    expect(checked.filter(({ problems }) => problems.length > 0).slice(0, 3)).toEqual([]);
  });

  it('refers only to objects yielded earlier, and marks only with TLP 2.0 definitions', () => {
    const tlp = new Set<string>(Object.values(TLP2_MARKINGS));
    const seen = new Set<string>();
    for (const object of objects) {
      for (const [key, id] of references(object)) {
        if (key === 'object_marking_refs') expect(tlp).toContain(id);
        else expect(seen, `${object.id as string} ${key}`).toContain(id);
      }
      seen.add(object.id as string);
    }
  });

  it('gives every SCO the id its id-contributing properties determine', () => {
    const scos = objects.filter((object) => SCO.has(object.type as string));
    expect(scos.length).toBeGreaterThan(500);
    for (const sco of scos) expect(sco.id).toBe(computeScoId(sco));
  });
});

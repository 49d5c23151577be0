import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson, referenceBundles } from '../../test/support/reference-data.ts';
import { validateBundleEnvelope, validateObject } from './validator.ts';

describe.each(referenceBundles().map((file) => [path.basename(file), file]))('reference bundle %s', (_name, file) => {
  const bundle = readJson(file) as { objects: unknown[] };

  it('has a valid envelope', () => {
    expect(validateBundleEnvelope(bundle)).toEqual([]);
  });

  it('validates every object with zero errors', () => {
    const errors = bundle.objects.flatMap((object) => validateObject(object)
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${(object as { id: string }).id} ${problem.rule} ${problem.path}: ${problem.message}`));
    expect(errors).toEqual([]);
    expect(bundle.objects.length).toBeGreaterThan(50);
  });

  it('keeps warnings rare: none on custom objects', () => {
    const onCustom = bundle.objects.filter((object) => (object as { type: string }).type.startsWith('x-'))
      .flatMap((object) => validateObject(object));
    expect(onCustom).toEqual([]);
  });
});

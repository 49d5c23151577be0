// Properties of the streaming reader against JSON.parse, over generated bundles split at arbitrary points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleReadError } from './bundle-read-error.ts';
import { readBundleObjects } from './bundle-reader.ts';

/** Characters of strings: mostly the ones JSON escapes or that span several bytes, where a scanner goes wrong. */
const character = fc.oneof(
  fc.constantFrom('"', '\\', '/', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', 'é', '\u2028', '日', '😀', '\ud800'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const element = fc.jsonValue({ maxDepth: 3, stringUnit: character });

/** A bundle as text: objects, sometimes other members before or after them, compact or indented. */
const bundleText = fc
  .record({
    objects: fc.array(element, { maxLength: 6 }),
    extra: fc.option(fc.jsonValue({ maxDepth: 2, stringUnit: character }), { nil: undefined }),
    objectsFirst: fc.boolean(),
    indent: fc.constantFrom(0, 1, 2, '\t'),
  })
  .map(({ objects, extra, objectsFirst, indent }) => {
    const members = { type: 'bundle', id: 'bundle--0b2c1c2e-3a9d-4d4f-9b1e-8f0e7a6c5d4b', x_extra: extra };
    const bundle = objectsFirst ? { objects, ...members } : { ...members, objects };
    return JSON.stringify(bundle, null, indent);
  });

/** Cut points, as fractions of the length, so they fit any text. */
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

function split<T extends string | Uint8Array>(whole: T, fractions: readonly number[]): T[] {
  const points = [...new Set(fractions.map((f) => Math.floor(f * whole.length)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let from = 0;
  for (const point of [...points, whole.length]) {
    pieces.push(whole.slice(from, point) as T);
    from = point;
  }
  return pieces;
}

async function outcome(chunks: Iterable<string | Uint8Array>): Promise<{ objects: unknown[]; error: BundleReadError | undefined }> {
  const objects: unknown[] = [];
  try {
    for await (const object of readBundleObjects(chunks)) objects.push(object);
    return { objects, error: undefined };
  } catch (error) {
    if (!(error instanceof BundleReadError)) throw error;
    return { objects, error };
  }
}

describe('readBundleObjects, property-based', () => {
  it('yields what JSON.parse finds, for any split of the text', async () => {
    await fc.assert(
      fc.asyncProperty(bundleText, cuts, async (text, fractions) => {
        const { objects, error } = await outcome(split(text, fractions));
        expect(error).toBeUndefined();
        expect(objects).toEqual((JSON.parse(text) as { objects: unknown[] }).objects);
      }),
    );
  });

  it('yields what JSON.parse finds, for any split of the UTF-8 bytes (inside characters too)', async () => {
    await fc.assert(
      fc.asyncProperty(bundleText, cuts, async (text, fractions) => {
        const { objects } = await outcome(split(new TextEncoder().encode(text), fractions));
        expect(objects).toEqual((JSON.parse(text) as { objects: unknown[] }).objects);
      }),
    );
  });

  it('fails at exactly the end of any truncated bundle, after yielding the objects complete before it', async () => {
    await fc.assert(
      fc.asyncProperty(bundleText, fc.double({ min: 0, max: 1, noNaN: true }), cuts, async (text, at, fractions) => {
        const bytes = new TextEncoder().encode(text);
        const prefix = bytes.subarray(0, Math.min(bytes.length - 1, Math.floor(at * bytes.length)));
        const { objects, error } = await outcome(split(prefix, fractions));
        expect(error?.found).toMatch(/^(end of input|an empty input)$/);
        expect(error?.offset).toBe(prefix.length);
        const all = (JSON.parse(text) as { objects: unknown[] }).objects;
        expect(objects).toEqual(all.slice(0, objects.length));
      }),
    );
  });

  it('agrees with JSON.parse on whether a damaged text is JSON', async () => {
    const damage = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(2), insert: fc.constantFrom('', '"', ',', '}', ']', '{', '[', ':', '\\', 'x', '0', '1', '-', '.', 'e', ' ', '\n', '\u0001') });
    await fc.assert(
      fc.asyncProperty(bundleText, damage, cuts, async (text, { at, remove, insert }, fractions) => {
        const position = Math.floor(at * text.length);
        const damaged = text.slice(0, position) + insert + text.slice(position + remove);
        let parsed: unknown;
        try {
          parsed = JSON.parse(damaged);
        } catch {
          const { error } = await outcome(split(damaged, fractions));
          expect(error).toBeInstanceOf(BundleReadError);
          expect(error!.offset).toBeLessThanOrEqual(Buffer.byteLength(damaged));
          return;
        }
        const { objects, error } = await outcome(split(damaged, fractions));
        // Still JSON: either the same objects, or a refusal of the envelope (never a syntax error).
        if (error) expect(error.code).toMatch(/^bundle\./);
        else expect(objects).toEqual((parsed as { objects?: unknown[] }).objects ?? []);
      }),
      // Most damage lands in string content; more runs reach numbers, escapes and structure often enough.
      { numRuns: 400 },
    );
  });
});

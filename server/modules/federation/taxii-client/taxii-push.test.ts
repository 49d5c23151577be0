import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEnvelopes } from './taxii-push.ts';

const object = fc.record({
  type: fc.constant('indicator'),
  id: fc.uuid().map((u) => `indicator--${u}`),
  modified: fc.constant('2026-01-01T00:00:00.000Z'),
  description: fc.string({ unit: 'binary', maxLength: 400 }),
});

describe('planEnvelopes', () => {
  it('keeps every body within the limit in UTF-8 bytes and every object, in order, exactly once', () => {
    fc.assert(
      fc.property(fc.array(object, { maxLength: 60 }), fc.integer({ min: 14, max: 3_000 }), (objects, max) => {
        const plan = planEnvelopes(objects, max);
        for (const { body, count } of plan.bodies) {
          expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(max);
          const parsed = JSON.parse(body) as { objects: unknown[] };
          expect(parsed.objects).toHaveLength(count);
        }
        const sent = plan.bodies.flatMap(({ body }) => (JSON.parse(body) as { objects: { id: string }[] }).objects);
        const refused = new Set(plan.tooLarge.map((t) => t.id));
        expect(sent).toEqual(objects.filter((o) => !refused.has(o.id)));
        for (const t of plan.tooLarge) expect(14 + t.bytes).toBeGreaterThan(max);
      }),
    );
  });

  it('fills envelopes: two neighbouring bodies would not have fitted as one', () => {
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 40 }), fc.integer({ min: 300, max: 3_000 }), (objects, max) => {
        const { bodies } = planEnvelopes(objects, max);
        for (let i = 1; i < bodies.length; i++) {
          const firstOfNext = JSON.stringify((JSON.parse(bodies[i]!.body) as { objects: unknown[] }).objects[0]);
          expect(Buffer.byteLength(bodies[i - 1]!.body) + 1 + Buffer.byteLength(firstOfNext)).toBeGreaterThan(max);
        }
      }),
    );
  });
});

// Properties of the parser over generated input: any pattern built from the grammar (every binary operator in
// parentheses) parses into the tree it was built from, and any text at all gives either a tree or an error
// whose position lies inside the text — never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePattern } from './index.ts';
import { shapeOf } from './testing.ts';

interface Built {
  text: string;
  shape: string;
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const literal: fc.Arbitrary<Built> = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => ({ text: quote(s), shape: `str(${s})` })),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => ({ text: String(n), shape: `int(${n})` })),
  fc.boolean().map((b) => ({ text: String(b), shape: `bool(${b})` })),
  fc.uint8Array({ maxLength: 6 }).map((bytes) => {
    const hex = Buffer.from(bytes).toString('hex');
    return { text: `h'${hex}'`, shape: `hex(${hex})` };
  }),
);

const step: fc.Arbitrary<Built> = fc.oneof(
  fc.constantFrom('name', 'value', 'hashes', 'x_custom').map((n) => ({ text: `.${n}`, shape: `.${n}` })),
  fc.constantFrom('SHA-256', 'windows-pebinary-ext').map((n) => ({ text: `.'${n}'`, shape: `.'${n}'` })),
  fc.oneof(fc.constant('*'), fc.nat(20).map(String)).map((i) => ({ text: `[${i}]`, shape: `[${i}]` })),
);

function comparison(type: string): fc.Arbitrary<Built> {
  const path = fc.tuple(fc.constantFrom('name', 'value', 'size'), fc.array(step, { maxLength: 3 })).map(([first, steps]) => ({
    text: `${type}:${first}${steps.map((s) => s.text).join('')}`,
    shape: `${type}:${first}${steps.map((s) => s.shape).join('')}`,
  }));
  const leaf = fc.oneof(
    fc.tuple(path, fc.boolean(), fc.constantFrom('=', '!='), literal).map(([p, not, op, value]) => ({
      text: `${p.text} ${not ? 'NOT ' : ''}${op} ${value.text}`,
      shape: `${p.shape} ${not ? 'NOT ' : ''}${op} ${value.shape}`,
    })),
    fc.tuple(path, fc.array(literal, { maxLength: 3 })).map(([p, values]) => ({
      text: `${p.text} IN (${values.map((v) => v.text).join(', ')})`,
      shape: `${p.shape} IN (${values.map((v) => v.shape).join(', ')})`,
    })),
    path.map((p) => ({ text: `EXISTS ${p.text}`, shape: `EXISTS ${p.shape}` })),
  );
  const { tree } = fc.letrec<{ tree: Built }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf,
      fc.tuple(tie('tree'), fc.constantFrom('AND', 'OR'), tie('tree')).map(([l, op, r]) => ({
        text: `(${l.text} ${op} ${r.text})`,
        shape: `{${l.shape} ${op === 'AND' ? '&' : '|'} ${r.shape}}`,
      }))),
  }));
  return tree;
}

const observation: fc.Arbitrary<Built> = fc.constantFrom('file', 'ipv4-addr', 'x-acme-thing')
  .chain((type) => comparison(type))
  .map((c) => ({ text: `[${c.text}]`, shape: `[${c.shape}]` }));

const qualifier = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }).map((n) => ({ text: `WITHIN ${n} SECONDS`, shape: `WITHIN ${n}` })),
  fc.integer({ min: 1, max: 100 }).map((n) => ({ text: `REPEATS ${n} TIMES`, shape: `REPEATS ${n}` })),
);

const { pattern } = fc.letrec<{ pattern: Built }>((tie) => ({
  pattern: fc.oneof({ depthSize: 'small', withCrossShrink: true }, observation,
    fc.tuple(tie('pattern'), fc.constantFrom('AND', 'OR', 'FOLLOWEDBY'), tie('pattern')).map(([l, op, r]) => ({
      text: `(${l.text} ${op} ${r.text})`,
      shape: `(${l.shape} ${op} ${r.shape})`,
    })),
    fc.tuple(tie('pattern'), qualifier).map(([e, q]) => ({ text: `${e.text} ${q.text}`, shape: `(${e.shape} ${q.shape})` }))),
}));

const PIECES = ['[', ']', '(', ')', ' ', "'", '\\', 'file', ':', 'name', '.', '=', '!=', '<', 'AND', 'OR', 'NOT', 'IN', ',',
  'FOLLOWEDBY', 'WITHIN', '5', 'SECONDS', 'REPEATS', 'TIMES', "t'2020-01-01T00:00:00Z'", "h'ff'", "b'AA=='", 'START', 'STOP', '*', '-', '/*', '\n'];

describe('parser properties', () => {
  it('parses every pattern built from the grammar into the tree it was built from', () => {
    fc.assert(fc.property(pattern, ({ text, shape }) => {
      const result = parsePattern(text);
      if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
      expect(shapeOf(result.pattern)).toBe(shape);
    }), { numRuns: 500 });
  });

  it('answers any text with a tree or an error inside the text, never an exception', () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(fc.property(text, (source) => {
      const result = parsePattern(source);
      if (result.ok) return;
      expect(result.error.position.offset).toBeGreaterThanOrEqual(0);
      expect(result.error.position.offset).toBeLessThanOrEqual(source.length);
      expect(result.error.message).toMatch(/^at (line \d+, )?column \d+: /);
      expect(result.error.found.length).toBeGreaterThan(0);
    }), { numRuns: 2000 });
  });
});

import { describe, expect, it } from 'vitest';
import { validateFramework } from './framework-validation.ts';
import { smallFramework, question } from './testing/small-framework.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break frameworks at will
type Mutable = any;

function broken(change: (f: Mutable) => void) {
  const framework = structuredClone(smallFramework()) as Mutable;
  change(framework);
  return validateFramework(framework).problems.map((p) => `${p.rule} ${p.path}`);
}

describe('validateFramework', () => {
  it('takes a well-formed framework', () => {
    const { framework, problems } = validateFramework(smallFramework());
    expect(problems).toEqual([]);
    expect(framework?.id).toBe('test-framework');
  });

  it.each([
    ['a text missing a language', (f: Mutable) => delete f.pillars[0].title.ar, 'framework-missing-translation $.pillars[0].title.ar'],
    ['an empty text', (f: Mutable) => (f.pillars[1].indicators[0].questions[0].note.zh = ' '), 'framework-missing-translation $.pillars[1].indicators[0].questions[0].note.zh'],
    ['a negative weight', (f: Mutable) => (f.pillars[0].indicators[0].questions[0].weight = -1), 'framework-invalid-weight $.pillars[0].indicators[0].questions[0].weight'],
    ['a weight that is not a number', (f: Mutable) => (f.pillars[0].indicators[0].questions[0].weight = '2'), 'framework-invalid-weight $.pillars[0].indicators[0].questions[0].weight'],
    ['an id used twice', (f: Mutable) => (f.pillars[1].indicators[0].questions[0].id = 'q1'), 'framework-duplicate-id $.pillars[1].indicators[0].questions[0].id'],
    ['an unknown evidence kind', (f: Mutable) => (f.pillars[0].indicators[0].questions[0].evidence = 'video'), 'framework-invalid-evidence $.pillars[0].indicators[0].questions[0].evidence'],
    ['a scale level given twice', (f: Mutable) => (f.scale[1].code = 'nonexistent'), 'framework-invalid-scale $.scale[1].code'],
    ['a negative credit', (f: Mutable) => (f.scale[0].credit = -0.5), 'framework-invalid-scale $.scale[0].credit'],
    ['a scale with no credit', (f: Mutable) => f.scale.forEach((l: Mutable) => (l.credit = 0)), 'framework-invalid-scale $.scale'],
    ['a gate level not on the scale', (f: Mutable) => (f.gateLevels = ['yes']), 'framework-unknown-gate-level $.gateLevels[0]'],
    ['a parent that is no question', (f: Mutable) => (f.pillars[0].indicators[0].questions[1].parent = 'law'), 'framework-unknown-parent $.pillars[0].indicators[0].questions[1].parent'],
    ['a pillar with no question', (f: Mutable) => (f.pillars[0].indicators = []), 'framework-empty-pillar $.pillars[0]'],
    ['a list that is not one', (f: Mutable) => (f.pillars = {}), 'framework-wrong-shape $.pillars'],
    ['a missing number', (f: Mutable) => delete f.pillars[1].number, 'framework-wrong-shape $.pillars[1].number'],
  ])('refuses %s, naming the rule and the path', (_, change, expected) => {
    expect(broken(change)).toContain(expected);
  });

  it('refuses questions that depend on each other in a circle, and a question that depends on itself', () => {
    const circle = broken((f) => {
      f.pillars[0].indicators[0].questions[0].parent = 'q2';
    });
    expect(circle).toContain('framework-gating-cycle $.pillars[0].indicators[0].questions[0].parent');
    const self = broken((f) => f.pillars[1].indicators[0].questions.push(question('q5', '2.1.2', 1, 'q5')));
    expect(self).toEqual(['framework-gating-cycle $.pillars[1].indicators[0].questions[1].parent']);
  });

  it('refuses what is not a framework at all', () => {
    expect(validateFramework([]).problems.map((p) => p.rule)).toEqual(['framework-wrong-shape']);
    expect(validateFramework(null).framework).toBeUndefined();
  });
});

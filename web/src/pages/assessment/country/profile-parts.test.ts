import { describe, expect, it } from 'vitest';
import { smallFramework } from '../../../../../shared/assessment/testing/small-framework.ts';
import type { ProfileArea } from '../../../api/assessment.ts';
import type { Evidence } from '../../../api/cycle-types.ts';
import { evidenceHref, gapOf, orderAreas, orderEvidence, placesOf, priorityLevel } from './profile-parts.ts';

const text = (en: string) => ({ ar: en, zh: en, en, fr: en, ru: en, es: en });
const area = (indicator: string, share: number): ProfileArea => ({ pillar: 'legal', indicator, title: text(indicator), share });

describe('the parts of a country profile', () => {
  it('lists strengths strongest first and areas for growth weakest first, keeping the given order among equals', () => {
    const { strengths, growth } = orderAreas([area('a', 0.8), area('b', 1), area('c', 0.8)], [area('d', 0.4), area('e', 0), area('f', 0.4)]);
    expect(strengths.map((a) => a.indicator)).toEqual(['b', 'a', 'c']);
    expect(growth.map((a) => a.indicator)).toEqual(['e', 'd', 'f']);
  });

  it('calls a need high, medium or low priority against the highest a need can have', () => {
    // The GCA's weights are 1 to 3 and its partial answers earn half: priorities 3, 2, 1.5, 1 and 0.5.
    expect([3, 2, 1.5, 1, 0.5].map((priority) => priorityLevel(priority, 3))).toEqual(['high', 'high', 'medium', 'medium', 'low']);
    expect(priorityLevel(2 * (1 - 0.5), 1.5)).toBe('high');
    expect(priorityLevel(1, 0)).toBe('high');
  });

  it('tells a question not in place at all from one partly in place', () => {
    expect(gapOf({ missing: 1 })).toBe('absent');
    expect(gapOf({ missing: 0.5 })).toBe('partial');
  });

  it('finds indicators and questions in the framework, and orders evidence by question', () => {
    const framework = smallFramework();
    const places = placesOf(framework);
    expect(places.indicator('cirt')?.en).toBe('CIRT (en)');
    // A question of a sub-indicator is found too.
    expect(places.question('q4')).toMatchObject({ number: '2.1.1.1' });
    expect(places.indicator('nowhere')).toBeUndefined();
    expect(places.highestWeight).toBe(3);
    expect(placesOf(undefined)).toMatchObject({ highestWeight: undefined });
    expect(placesOf(undefined).question('q1')).toBeUndefined();

    const item = (id: string, on: string): Evidence => ({ id, question: on, kind: 'link', visibility: 'public', name: id, media_type: null, size: null, url: `https://example.org/${id}`, added_at: '', added_by: { id: 'u', name: 'u' } });
    expect(orderEvidence([item('x', 'unknown'), item('b', 'q4'), item('a', 'q1'), item('c', 'q4')], framework).map((e) => e.id)).toEqual(['a', 'b', 'c', 'x']);
  });

  it('opens a link at its own address and a file at its absolute download address', () => {
    expect(evidenceHref({ kind: 'link', url: 'https://legislation.example.tn/loi', id: 'e1' }, 'http://localhost:8080')).toBe('https://legislation.example.tn/loi');
    expect(evidenceHref({ kind: 'file', url: '/api/v1/assessment/evidence/e2', id: 'e2' }, 'http://localhost:8080')).toBe('http://localhost:8080/api/v1/assessment/evidence/e2');
  });
});

// When an object leaves its organisation, and what each mode of the guard does with a batch (pure).
import { describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { TLP_GREEN } from '../../../../shared/stix/sharing.ts';
import { decisionDetails, guardBatch, leavesOrganisation, needsOutward, parseDecision, scanBatch } from './personal-data-guard.ts';

const note = (extra: Record<string, unknown> = {}) => ({ type: 'note', id: 'note--1', content: 'Victim: leila.mansour@post.tn', ...extra });

describe('leavesOrganisation', () => {
  it('is true in a collection read beyond the organisation, unless the object is AMBER+STRICT or RED', () => {
    expect(leavesOrganisation(note(), true, TLP_GREEN)).toBe(true);
    expect(leavesOrganisation(note({ object_marking_refs: [TLP2_MARKINGS.amber] }), true, TLP_GREEN)).toBe(true);
    expect(leavesOrganisation(note({ object_marking_refs: [TLP2_MARKINGS['amber+strict']] }), true, TLP_GREEN)).toBe(false);
    expect(leavesOrganisation(note(), true, 3)).toBe(false);
    expect(leavesOrganisation(note(), false, TLP_GREEN)).toBe(false);
  });

  it('is true for an object that names recipients, wherever it is stored', () => {
    expect(leavesOrganisation(note({ x_thiqa_recipient_refs: ['identity--x'] }), false, TLP_GREEN)).toBe(true);
    expect(leavesOrganisation(note({ object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['karim'] }), false, TLP_GREEN)).toBe(true);
  });
});

describe('guardBatch', () => {
  it('finds, redacts or leaves alone by mode, indexing findings by their place in the request', () => {
    const objects = [{ type: 'note', id: 'note--0', content: 'nothing here' }, note()];
    const asked = guardBatch(objects, 10, 'ask', true, TLP_GREEN);
    expect([...asked.findings.keys()]).toEqual([11]);
    expect(asked.objects).toEqual(objects);
    const redacted = guardBatch(objects, 0, 'redact', true, TLP_GREEN);
    expect(redacted.objects[1]).toMatchObject({ content: 'Victim: [redacted]' });
    expect(redacted.redacted).toBe(1);
    expect(objects[1]).toMatchObject({ content: 'Victim: leila.mansour@post.tn' });
    expect(guardBatch(objects, 0, 'off', true, TLP_GREEN).findings.size).toBe(0);
    expect(guardBatch(objects, 0, 'ask', false, TLP_GREEN).findings.size).toBe(0);
  });

  it('tells which findings leave wherever they are stored, so a batch needs the grants only for the others', () => {
    const addressed = note({ id: 'note--2', x_thiqa_recipient_users: ['karim'] });
    const strict = note({ id: 'note--3', object_marking_refs: [TLP2_MARKINGS['amber+strict']] });
    const scanned = scanBatch([{ type: 'note', id: 'note--0', content: 'nothing here' }, addressed, strict], 5, TLP_GREEN);
    expect([...scanned].map(([index, s]) => [index, s.always])).toEqual([[6, true]]);
    expect(needsOutward(scanned)).toBe(false);
    expect(needsOutward(scanBatch([note()], 0, TLP_GREEN))).toBe(true);
    expect(needsOutward(scanBatch([strict], 0, TLP_GREEN))).toBe(false);
  });

  it('describes a decision for the audit log by counts and kinds only', () => {
    const { findings } = guardBatch([note(), note({ id: 'note--2', content: 'a.b@post.tn and +216 98 765 432' })], 0, 'confirm', true, TLP_GREEN);
    expect(decisionDetails('confirm', findings)).toEqual({ personal_data: 'confirm', personal_data_objects: 2, personal_data_findings: 'email:2,phone:1' });
    expect(decisionDetails('ask', findings)).toEqual({});
  });
});

describe('parseDecision', () => {
  it('takes confirm or redact, falls back when absent, refuses anything else', () => {
    expect(parseDecision(' Confirm ', 'p', 'query', 'ask')).toBe('confirm');
    expect(parseDecision(undefined, 'p', 'query', 'ask')).toBe('ask');
    expect(() => parseDecision('yes', 'p', 'header', 'reject')).toThrow(expect.objectContaining({ code: 'request.invalid_field', params: expect.objectContaining({ field: 'p' }) }));
  });
});

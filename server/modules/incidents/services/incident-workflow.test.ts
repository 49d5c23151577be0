import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { checkMove, INCIDENT_STATES, INCIDENT_TRANSITIONS, nextStates, parseState, type Mover } from './incident-workflow.ts';

const codeOf = (run: () => unknown): Promise<string | undefined> => errorCode(Promise.resolve().then(run));
const reporter = new Set<Mover>(['reporter']);
const coordinator = new Set<Mover>(['coordinator']);

describe('the incident workflow', () => {
  it('goes reported → triaged → coordinated → closed, and back to triage when reopened', () => {
    expect(nextStates('reported')).toEqual(['triaged', 'closed']);
    expect(nextStates('triaged')).toEqual(['coordinated', 'closed']);
    expect(nextStates('coordinated')).toEqual(['closed']);
    expect(nextStates('closed')).toEqual(['triaged']);
  });

  it('leaves triage, coordination and reopening to coordinators, and lets a reporter close its own', async () => {
    for (const t of INCIDENT_TRANSITIONS) {
      expect(checkMove(t.from, t.to, coordinator)).toBe(t);
      if (t.to === 'closed') expect(checkMove(t.from, t.to, reporter)).toBe(t);
      else expect(await codeOf(() => checkMove(t.from, t.to, reporter))).toBe('incident.move_forbidden');
    }
  });

  it('refuses every move that is not declared, to anyone, naming the states allowed', async () => {
    const both = new Set<Mover>(['reporter', 'coordinator']);
    for (const from of INCIDENT_STATES) {
      for (const to of INCIDENT_STATES) {
        if (INCIDENT_TRANSITIONS.some((t) => t.from === from && t.to === to)) continue;
        expect(await codeOf(() => checkMove(from, to, both)), `${from} → ${to}`).toBe('incident.transition_refused');
      }
    }
    expect(() => checkMove('coordinated', 'reported', coordinator)).toThrow(expect.objectContaining({ params: { from: 'coordinated', to: 'reported', allowed: 'closed' } }));
  });

  it('refuses a move by no one at all', async () => {
    expect(await codeOf(() => checkMove('triaged', 'closed', new Set()))).toBe('incident.move_forbidden');
  });

  it('reads a state in any case and refuses others', async () => {
    expect(parseState(' Triaged ')).toBe('triaged');
    expect(await codeOf(() => parseState('resolved'))).toBe('incident.invalid_state');
    expect(await codeOf(() => parseState(3))).toBe('incident.invalid_state');
  });
});

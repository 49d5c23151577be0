// The forwarding rule, level by level, against every kind of peer: origin, named recipient, community member,
// outsider; and the provenance rule.
import { describe, expect, it } from 'vitest';
import { forwardingDecision, type ForwardingFacts, type ForwardingTarget } from './forwarding.ts';

const target = (peerOrg: string, members: string[] | null = ['member']): ForwardingTarget => ({ peerId: 'peer-1', peerOrg, communityMembers: members ? new Set(members) : null });
const facts = (tlp: number, extra: Partial<ForwardingFacts> = {}): ForwardingFacts => ({ tlp, originOrg: 'origin', recipientOrgs: ['named'], deliveredBy: [], ...extra });
const forwards = (f: ForwardingFacts, t: ForwardingTarget) => forwardingDecision(f, t).forward;

describe('forwarding rule', () => {
  it('never sends RED, whoever the peer is', () => {
    for (const org of ['origin', 'named', 'member', 'outsider']) expect(forwardingDecision(facts(4), target(org))).toEqual({ forward: false, reason: 'red' });
  });

  it('sends AMBER+STRICT only to the origin or a named recipient', () => {
    expect(forwards(facts(3), target('origin'))).toBe(true);
    expect(forwards(facts(3), target('named'))).toBe(true);
    expect(forwardingDecision(facts(3), target('member'))).toEqual({ forward: false, reason: 'amber-strict-not-recipient' });
    expect(forwards(facts(3), target('outsider'))).toBe(false);
  });

  it('sends AMBER to named recipients and members of the link’s community only', () => {
    expect(forwards(facts(2), target('named'))).toBe(true);
    expect(forwards(facts(2), target('member'))).toBe(true);
    expect(forwardingDecision(facts(2), target('outsider'))).toEqual({ forward: false, reason: 'amber-outside-community' });
    expect(forwards(facts(2), target('member', null))).toBe(false);
  });

  it('sends GREEN within the link’s community only, named or not', () => {
    expect(forwards(facts(1), target('member'))).toBe(true);
    expect(forwardingDecision(facts(1), target('named'))).toEqual({ forward: false, reason: 'green-outside-community' });
    expect(forwards(facts(1), target('member', null))).toBe(false);
  });

  it('sends CLEAR anywhere, even over a link of no community', () => {
    expect(forwards(facts(0), target('outsider', null))).toBe(true);
  });

  it('sends nothing back to a peer that delivered the version', () => {
    expect(forwardingDecision(facts(0, { deliveredBy: ['peer-1'] }), target('member'))).toEqual({ forward: false, reason: 'delivered-by-peer' });
    expect(forwards(facts(0, { deliveredBy: ['peer-2'] }), target('member'))).toBe(true);
  });
});

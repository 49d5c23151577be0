/**
 * The forwarding rule: whether one version of an object may be sent to one peer hub over one link. Stated
 * once, pure, on top of the exchange's visibility rule (the push reads the local collection as the peer's
 * organisation would: services/visibility.ts), so an object leaves only when both agree.
 *
 * - RED never leaves.
 * - AMBER+STRICT goes only to a peer whose organisation is the origin or a named recipient.
 * - AMBER only to a peer whose organisation is a named recipient or a member of the link's community.
 * - GREEN only within the community the link belongs to (the peer's organisation is a member of it).
 * - CLEAR anywhere the link allows.
 * - Nothing goes back to a peer that delivered that very version (its provenance).
 */
import { TLP_AMBER, TLP_AMBER_STRICT, TLP_CLEAR, TLP_GREEN } from '../../../../shared/stix/sharing.ts';

/** What is known of a version about to be sent. */
export interface ForwardingFacts {
  /** TLP rank as stored (0 CLEAR … 4 RED). */
  tlp: number;
  /** The local organisation that stored it; null when unknown (an operator's import). */
  originOrg: string | null;
  /** Local organisation ids the object names in `x_thiqa_recipient_refs`. */
  recipientOrgs: readonly string[];
  /** Peers (ids) that delivered this version here. */
  deliveredBy: readonly string[];
}

/** The peer at the other end of a link, and the link's community. */
export interface ForwardingTarget {
  peerId: string;
  /** The local organisation the peer hub stands for. */
  peerOrg: string;
  /** Member organisations of the link's community; null when the link belongs to none. */
  communityMembers: ReadonlySet<string> | null;
}

export type HoldReason = 'red' | 'amber-strict-not-recipient' | 'amber-outside-community' | 'green-outside-community' | 'delivered-by-peer';

export type ForwardingDecision = { forward: true } | { forward: false; reason: HoldReason };

const HOLD = (reason: HoldReason): ForwardingDecision => ({ forward: false, reason });
const FORWARD: ForwardingDecision = { forward: true };

/** Whether `facts` may be sent to `target` (see the module's rules). */
export function forwardingDecision(facts: ForwardingFacts, target: ForwardingTarget): ForwardingDecision {
  if (facts.tlp > TLP_AMBER_STRICT) return HOLD('red');
  if (facts.deliveredBy.includes(target.peerId)) return HOLD('delivered-by-peer');
  const recipient = facts.recipientOrgs.includes(target.peerOrg);
  const member = target.communityMembers?.has(target.peerOrg) === true;
  if (facts.tlp === TLP_AMBER_STRICT) return recipient || facts.originOrg === target.peerOrg ? FORWARD : HOLD('amber-strict-not-recipient');
  if (facts.tlp === TLP_AMBER) return recipient || member ? FORWARD : HOLD('amber-outside-community');
  if (facts.tlp === TLP_GREEN) return member ? FORWARD : HOLD('green-outside-community');
  if (facts.tlp === TLP_CLEAR) return FORWARD;
  return HOLD('red');
}

/**
 * What the caller's roles let it do in an assessment cycle, to show only the pages and buttons it can use
 * (the server decides every request again). The assessment module declares the roles: `assessment-team`
 * manages editions and reviews, `assessment-reviewer` reviews, `focal-point` answers for its country;
 * platform administrators hold every permission.
 */
export interface CycleRights {
  /** assessment.manage: open editions, invite focal points, finalise and publish. */
  manage: boolean;
  /** assessment.review: accept, ask for clarification, adjust. */
  review: boolean;
  /** assessment.answer (a focal point), or the team answering for countries assessed from public evidence. */
  answer: boolean;
}

export function cycleRights(roles: readonly string[]): CycleRights {
  const has = (role: string) => roles.includes(role) || roles.includes('platform-admin');
  const manage = has('assessment-team');
  return { manage, review: manage || has('assessment-reviewer'), answer: manage || has('focal-point') };
}

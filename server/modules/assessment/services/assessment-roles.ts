/**
 * The Assessment module's permissions and roles, registered in `server/platform.ts`. Who may do what in an
 * edition's cycle is decided from these permissions and the edition's participants (`cycle-access.ts`).
 */
import type { RoleSet } from '../../../core/roles/role-declarations.ts';

export const ASSESSMENT_ROLES: RoleSet = {
  permissions: [
    { name: 'assessment.manage', description: 'open editions of the commitment index, invite focal points, assess countries from public evidence, finalise and publish' },
    { name: 'assessment.review', description: "review the answers countries submit: accept, ask for clarification, adjust with a justification" },
    { name: 'assessment.answer', description: "answer an edition's questionnaire for the holder's own country, when invited as its focal point" },
  ],
  roles: [
    { name: 'assessment-team', description: 'runs editions of the commitment index, and reviews answers', permissions: ['assessment.manage', 'assessment.review'] },
    { name: 'assessment-reviewer', description: 'reviews the answers countries submit', permissions: ['assessment.review'] },
    { name: 'focal-point', description: "answers the questionnaire for its Member State's administration, when invited", permissions: ['assessment.answer'] },
  ],
};

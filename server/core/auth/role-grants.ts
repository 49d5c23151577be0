/**
 * Who may give or take away which roles: the rule `UserService` applies before any change to a user's roles.
 *
 * - Whoever holds `users.manage` everywhere (platform administrators) and `system` may give or take any role.
 * - Whoever holds it over their own organisation (`org-admin`) may do so for users of that organisation only,
 *   and only with roles they hold themselves (directly or through includes): never `platform-admin`, and so
 *   never take it away from anyone either.
 * - Anyone else may not.
 */
import type { Actor } from './actor.ts';
import { forbidden } from '../errors.ts';
import { can, heldRoles } from '../roles/roles.ts';

/**
 * Checks that `actor` may give (or take away) `roles` to a user of organisation `organisationId`.
 * @throws DomainError `forbidden` `user.manage_forbidden` (not a manager of that organisation's users);
 *   `forbidden` `role.not_held` (a role the actor does not hold itself).
 */
export function requireMayGrant(actor: Actor, organisationId: string | null, roles: readonly string[]): void {
  if (!can(actor, 'users.manage', { organisationId })) {
    const whose = organisationId === null ? 'users outside an organisation' : `the users of organisation ${organisationId}`;
    throw forbidden('user.manage_forbidden', `you may not manage ${whose}`, { organisation: organisationId });
  }
  const held = heldRoles(actor);
  const missing = roles.find((role) => !held.has(role));
  if (missing !== undefined) {
    throw forbidden('role.not_held', `you may not grant or remove the role "${missing}": you do not hold it yourself`, { role: missing });
  }
}

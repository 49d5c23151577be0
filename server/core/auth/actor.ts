/**
 * Who is asking. Every service method takes the actor explicitly; authorisation is decided from it, by
 * permission (`can` in `server/core/roles/roles.ts`). `system` is the local operator (the CLI working directly
 * on its own store) and may do anything.
 */
import { EVERY_PERMISSION } from '../roles/role-declarations.ts';
import { can } from '../roles/roles.ts';

export type Actor =
  /**
   * `roles`: the user's roles, as stored when the user was authenticated (`user_roles`, the one record of
   * them). `organisationId`: the user's organisation, whose communities the user shares in; null for none.
   */
  | { kind: 'user'; userId: string; name: string; roles: readonly string[]; organisationId: string | null }
  | { kind: 'anonymous' }
  | { kind: 'system' };

export const SYSTEM: Actor = { kind: 'system' };
export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** True for the operator and platform administrators (holders of every permission). */
export function isPrivileged(actor: Actor): boolean {
  return can(actor, EVERY_PERMISSION);
}

/**
 * Who is asking. Every service method takes the actor explicitly; authorisation is decided from it.
 * `system` is the local operator (the CLI working directly on its own store) and may do anything.
 */
export type Actor =
  /** `organisationId`: the user's organisation, whose communities the user shares in; null for none. */
  | { kind: 'user'; userId: string; name: string; isAdmin: boolean; organisationId: string | null }
  | { kind: 'anonymous' }
  | { kind: 'system' };

export const SYSTEM: Actor = { kind: 'system' };
export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** True for the operator and platform administrators. */
export function isPrivileged(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.isAdmin);
}

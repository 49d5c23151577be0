/**
 * The Gateway module's permission and role, registered in `server/platform.ts`. Proposing records needs no
 * role (any member of an organisation may, see `gateway-access.ts`); moderating them does.
 */
import type { RoleSet } from '../../../core/roles/role-declarations.ts';

export const GATEWAY_ROLES: RoleSet = {
  permissions: [{ name: 'gateway.moderate', description: 'accept or reject proposed Gateway records and corrections, ask for changes, merge or dismiss likely duplicates' }],
  roles: [{ name: 'gateway-moderator', description: 'moderates the Gateway: proposed records and corrections, likely duplicates', permissions: ['gateway.moderate'] }],
};

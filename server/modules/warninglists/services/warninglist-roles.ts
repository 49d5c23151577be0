/**
 * The Warning lists module's permission, registered in `server/platform.ts`: importing lists and enabling or
 * disabling them. No role holds it but `platform-admin` (every permission); the operator (the CLI) may too.
 * Reading the lists and checking a value needs none: any signed-in user.
 */
import type { RoleSet } from '../../../core/roles/role-declarations.ts';

export const WARNINGLIST_ROLES: RoleSet = {
  permissions: [{ name: 'warninglists.manage', description: 'import MISP warning lists, enable or disable them' }],
};

/**
 * The Alerts module's permission, registered in `server/platform.ts`: the hub's dead letters, every owner's,
 * listed, sent back to the queue or discarded. No role holds it but `platform-admin` (every permission); the
 * operator (the CLI) may too. A subscription's owner needs none for their own dead letters.
 */
import type { RoleSet } from '../../../core/roles/role-declarations.ts';

/** The permission of whoever looks after the hub's alert deliveries. */
export const MANAGE_ALERTS = 'alerts.manage';

export const ALERT_ROLES: RoleSet = {
  permissions: [{ name: MANAGE_ALERTS, description: 'list the dead letters of every alert subscription of the hub, send any back to the queue or discard it' }],
};

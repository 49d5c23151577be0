/**
 * What the caller may do in the Gateway, to show only the pages and buttons it can use (the server decides
 * every request again, `gateway-access.ts`): any member of an organisation proposes records and corrections,
 * as platform administrators do; the `gateway-moderator` role (and platform administrators, who hold every
 * permission) moderates them and decides on likely duplicates.
 */
export interface GatewayRights {
  propose: boolean;
  moderate: boolean;
}

export function gatewayRights(user: { roles: readonly string[]; organisation_id: string | null }): GatewayRights {
  const admin = user.roles.includes('platform-admin');
  return { propose: admin || user.organisation_id !== null, moderate: admin || user.roles.includes('gateway-moderator') };
}

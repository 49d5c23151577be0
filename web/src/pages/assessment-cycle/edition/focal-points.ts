/** Who may be invited to answer for a country: the rule the server applies, used to offer only those users. */
import type { Organisation, User } from '../../../api/types.ts';

/** Focal points who may answer for `country`: enabled users with the role, in a member-state organisation of that country. */
export function focalPointsOf(country: string, users: readonly User[], organisations: readonly Organisation[]): User[] {
  const eligible = new Set(organisations.filter((o) => o.type === 'member-state' && o.country === country).map((o) => o.id));
  return users.filter((u) => !u.disabled && u.roles.includes('focal-point') && u.organisation_id !== null && eligible.has(u.organisation_id));
}

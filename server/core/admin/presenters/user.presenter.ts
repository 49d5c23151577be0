/** Users, new API tokens and the caller's profile as the REST API answers them; never a password hash. */
import type { User } from '../../auth/user.service.ts';
import type { Caller } from '../../principals/principal.service.ts';
import { presentCommunity } from './community.presenter.ts';
import { isoTime, presentOrganisation } from './organisation.presenter.ts';

/** A user: who it is, whether it is an administrator or disabled, its organisation. */
export function presentUser(user: User) {
  return {
    id: user.id,
    name: user.name,
    admin: user.isAdmin,
    disabled: user.disabled,
    organisation_id: user.organisationId,
    created_at: isoTime(user.createdAt),
  };
}

/** A new API token: the only answer that ever holds the token itself. */
export function presentNewToken(created: { id: string; token: string }, label: string, userName: string) {
  return { id: created.id, label, user: userName, token: created.token };
}

/** The caller: user, organisation and that organisation's communities. */
export function presentCaller(caller: Caller) {
  return {
    user: presentUser(caller.user),
    organisation: caller.organisation && presentOrganisation(caller.organisation),
    communities: caller.communities.map(presentCommunity),
  };
}

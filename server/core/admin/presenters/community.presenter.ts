/** Communities as the REST API answers them: each with its TAXII API root, named by its slug. */
import type { Community } from '../../communities/community.service.ts';
import { isoTime } from './organisation.presenter.ts';

/** A community; `members` (a count) when the service answered one. */
export function presentCommunity(community: Community & { members?: number }) {
  return {
    id: community.id,
    name: community.name,
    slug: community.slug,
    api_root: community.slug,
    description: community.description,
    created_at: isoTime(community.createdAt),
    ...(community.members === undefined ? {} : { members: community.members }),
  };
}

/** A community with its member organisations, in the order they joined. */
export function presentCommunityWithMembers(found: { community: Community; members: readonly { organisationId: string; joinedAt: number }[] }) {
  return {
    ...presentCommunity(found.community),
    members: found.members.map((m) => ({ organisation_id: m.organisationId, joined_at: isoTime(m.joinedAt) })),
  };
}

/** Whether an organisation is now a member, and whether the request changed that. */
export function presentMembership(change: { community: Community; organisationId: string; changed: boolean }, member: boolean) {
  return { community_id: change.community.id, organisation_id: change.organisationId, member, changed: change.changed };
}

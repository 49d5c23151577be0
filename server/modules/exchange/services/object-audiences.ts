/**
 * Who may see each accepted object of a write, from its markings and named recipients (`visibility.ts`), the
 * recipients looked up once a batch; and what the web UI may search of a version some of whose properties are
 * restricted.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { browseFactsOf } from '../../../../shared/stix/browse-facts.ts';
import type { NewVersion } from '../repositories/object.repository.ts';
import type { Collection } from './collection.service.ts';
import type { Prepared, Rejection } from './object-ingest.ts';
import type { RecipientDirectory } from './object-types.ts';
import { audienceOf, type ResolvedRecipients } from './visibility.ts';

/** Decides who may see each accepted object; those whose sharing is wrong join the rejected. */
export async function withAudiences(directory: RecipientDirectory, actor: Actor, collection: Collection, prepared: Prepared): Promise<{ versions: NewVersion[]; indexes: number[]; rejected: Rejection[] }> {
  const refs = new Set(prepared.accepted.flatMap((a) => a.sharing.recipientRefs));
  const names = new Set(prepared.accepted.flatMap((a) => a.sharing.recipientUsers));
  const recipients: ResolvedRecipients = {
    organisations: refs.size ? await directory.organisationsByIdentity([...refs]) : new Map(),
    users: names.size ? await directory.usersByName([...names]) : new Map(),
  };
  const versions: NewVersion[] = [];
  const indexes: number[] = [];
  const rejected = [...prepared.rejected];
  for (const { index, version, versionText, sharing } of prepared.accepted) {
    const decided = audienceOf(sharing, version.type, actor, collection, recipients);
    if ('audience' in decided) {
      versions.push({ ...version, audience: decided.audience, browse: browseFactsFor(version, decided.audience.redactions) });
      indexes.push(index);
    } else {
      const problems = decided.problems.map((p) => ({ severity: 'error' as const, ...p }));
      rejected.push({ index, id: version.stixId, version: versionText, problems });
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { versions, indexes, rejected };
}

/** Restricted properties are left out of what the UI searches (rare: parsed again only then). */
function browseFactsFor(version: NewVersion, redactions: string | null): NewVersion['browse'] {
  if (redactions === null) return version.browse;
  const hidden = new Set((JSON.parse(redactions) as [string, number][]).map(([property]) => property));
  return browseFactsOf(JSON.parse(new TextDecoder().decode(version.body)) as Record<string, unknown>, hidden);
}

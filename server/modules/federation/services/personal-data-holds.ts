/**
 * Versions a push link held back because their free text seems to hold personal data (link-push.ts): listed
 * for platform administrators (the kinds found, never the values: the version itself is read where it is
 * stored), and confirmed one by one, recorded as `federation.personal_data_confirm`; a confirmed version is
 * sent at the start of the link's next push.
 */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { notFound } from '../../../core/errors.ts';
import type { HoldRow, PersonalDataHoldRepository } from '../repositories/personal-data-hold.repository.ts';
import { requireConfigurer } from './peer.service.ts';

export interface HeldVersion {
  linkId: string;
  objectId: string;
  version: string;
  kinds: string[];
  heldAt: number;
  confirmedAt: number | null;
  confirmedBy: string | null;
  pushedAt: number | null;
}

export class PersonalDataHoldService {
  private readonly holds: PersonalDataHoldRepository;
  private readonly audit: AuditLog;

  constructor(holds: PersonalDataHoldRepository, audit: AuditLog) {
    this.holds = holds;
    this.audit = audit;
  }

  /** The held versions, of one link or all, newest first. @throws DomainError `forbidden` `federation.forbidden`. */
  async list(actor: Actor, linkId?: string, limit = 100): Promise<HeldVersion[]> {
    requireConfigurer(actor);
    return (await this.holds.list(linkId, limit)).map(present);
  }

  /**
   * Confirms that a held version may be sent over its link; a version already confirmed stays as it is.
   * @throws DomainError `forbidden` `federation.forbidden`; `not_found` `personal_data.hold_not_found`.
   */
  async confirm(actor: Actor, linkId: string, objectId: string, version: string): Promise<HeldVersion> {
    requireConfigurer(actor);
    const by = actor.kind === 'user' ? `user:${actor.userId}` : actor.kind;
    const event = { action: 'federation.personal_data_confirm', target: objectId, details: { link: linkId, version } };
    const held = await this.holds.find(linkId, objectId, version);
    if (!held) throw notFound('personal_data.hold_not_found', `link "${linkId}" holds back no version "${version}" of "${objectId}"`, { link: linkId, object: objectId, version });
    await this.holds.confirm(linkId, objectId, version, by, Date.now(), this.audit.within(actor, event));
    return present((await this.holds.find(linkId, objectId, version))!);
  }
}

function present(row: HoldRow): HeldVersion {
  return {
    linkId: row.link_id,
    objectId: row.stix_id,
    version: row.version,
    kinds: row.kinds === '' ? [] : row.kinds.split(','),
    heldAt: row.held_at,
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
    pushedAt: row.pushed_at,
  };
}

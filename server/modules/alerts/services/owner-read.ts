/**
 * One object version as a subscription's owner may read it now, through the exchange's scoped read (so
 * TLP, recipients and redactions apply as on every read path). Nothing RED is ever answered.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { isDomainError } from '../../../core/errors.ts';
import { TLP_RED } from '../../../../shared/stix/sharing.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';

/** Who a subscription's owner is now: their actor, or undefined when they are gone or disabled; their language. */
export interface AlertReaders {
  actorOf(userId: string): Promise<Actor | undefined>;
  /** The language the user chose (null: none), for e-mails. */
  languageOf(userId: string): Promise<string | null>;
}

export interface OwnerVersion {
  object: Record<string, unknown>;
  tlp: number;
}

export interface VersionRef {
  apiRoot: string;
  collectionId: string;
  objectId: string;
  version: string;
}

const decoder = new TextDecoder();

/** The version as `owner` reads it, or undefined when they may not (or it is RED, or gone). */
export async function readAsOwner(objects: ObjectService, owner: Actor, ref: VersionRef): Promise<OwnerVersion | undefined> {
  try {
    const page = await objects.getObject(owner, ref.apiRoot, ref.collectionId, ref.objectId, { versions: ['all'] });
    const row = page.rows.find((r) => r.version === ref.version);
    if (!row?.body || row.tlp === undefined || row.tlp >= TLP_RED) return undefined;
    return { object: JSON.parse(decoder.decode(row.body)) as Record<string, unknown>, tlp: row.tlp };
  } catch (error) {
    if (isDomainError(error) && (error.kind === 'not_found' || error.kind === 'forbidden' || error.kind === 'unauthenticated')) return undefined;
    throw error;
  }
}

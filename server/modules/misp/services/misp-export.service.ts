/**
 * A collection as a MISP feed: read through the Exchange's scoped export (`ObjectService.exportAll`: what the
 * caller may see, never TLP:RED, audited), the latest version of each object kept, grouped into events
 * (shared/misp/stix-to-misp.ts) and written as `<uuid>.json` files, `hashes.csv` and `manifest.json`.
 * The latest versions are held in memory while the events are built. Objects whose free text seems to hold
 * personal data are counted in the report (by kind), and written with each finding as `[redacted]` on
 * request (shared/privacy).
 */
import type { Actor } from '../../../core/auth/actor.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import { writeMispFeed } from '../../../../shared/misp/feed-directory.ts';
import { stixToMisp } from '../../../../shared/misp/stix-to-misp.ts';
import type { StixRecord } from '../../../../shared/misp/attribute-types.ts';
import { THIQA_IDENTITY_ID } from '../../../../shared/misp/x-misp-extension.ts';
import { PersonalDataTally } from '../../../../shared/privacy/export-tally.ts';

export interface MispExportReport {
  collection: { id: string; apiRoot: string };
  dir: string;
  /** Object versions read, and distinct objects (their latest versions). */
  versions: number;
  objects: number;
  events: number;
  attributes: number;
  bytes: number;
  /** Objects with no MISP attribute type, by STIX type (not written). */
  skipped: Record<string, number>;
  /** Objects (latest versions) whose free text seems to hold personal data, the findings by kind, and how many were redacted. */
  personalData: { objects: number; kinds: Record<string, number>; redacted: number };
}

/** The organisation events from elsewhere are published under when their objects name no creator. */
const THIQA_ORGC = { name: 'Thiqa', uuid: THIQA_IDENTITY_ID.slice('identity--'.length) };

export class MispExportService {
  private readonly objects: ObjectService;
  private readonly collections: CollectionService;

  constructor(objects: ObjectService, collections: CollectionService) {
    this.objects = objects;
    this.collections = collections;
  }

  /**
   * Writes the collection (id or alias) as a MISP feed in `dir`.
   * @throws DomainError `not_found` `collection.not_found`; `forbidden` `collection.read_forbidden`.
   */
  async export(actor: Actor, collectionRef: string, dir: string, options: { redactPersonalData?: boolean } = {}): Promise<MispExportReport> {
    const found = await this.collections.find(actor, collectionRef);
    const collection = await this.collections.requireRead(actor, found.apiRoot, found.id);
    const latest = new Map<string, StixRecord>();
    const decoder = new TextDecoder();
    let versions = 0;
    for await (const rows of this.objects.exportAll(actor, collection.id)) {
      for (const row of rows) {
        if (row.body === undefined) continue;
        versions++;
        const object = JSON.parse(decoder.decode(row.body)) as StixRecord;
        const held = latest.get(row.id);
        if (!held || Date.parse(String(object.modified ?? 0)) >= Date.parse(String(held.modified ?? 0))) latest.set(row.id, object);
      }
    }
    const tally = new PersonalDataTally({ redact: options.redactPersonalData === true });
    for (const [id, object] of latest) latest.set(id, tally.take(object) as StixRecord);
    const { events, skipped } = stixToMisp(latest, { id: collection.id, title: collection.title }, THIQA_ORGC);
    const written = writeMispFeed(dir, events);
    return {
      collection: { id: collection.id, apiRoot: collection.apiRoot },
      dir,
      versions,
      objects: latest.size,
      events: events.length,
      attributes: written.attributes,
      bytes: written.bytes,
      skipped,
      personalData: { objects: tally.objects, kinds: Object.fromEntries(tally.kinds), redacted: tally.redacted },
    };
  }
}

/**
 * Region schemes for regional aggregates beyond UN M49 (ITU regions, the Arab States, the least developed
 * countries…), imported from CSV (shared/assessment/region-scheme-file.ts): a file is read whole and stored
 * only when it has no problem; otherwise every problem is answered and nothing is stored. A new name makes a
 * new scheme; `replace` replaces the scheme of that name, whole, in one transaction (or makes it). Importing
 * is for platform administrators (and the local operator), recorded as `assessment.region_scheme_import`;
 * schemes are public reading, like the results they aggregate.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import { isPrivileged, type Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import { readRegionScheme, type RegionSchemeProblem } from '../../../../shared/assessment/region-scheme-file.ts';
import { isM49Scheme } from '../../../../shared/assessment/regions.ts';
import { type RegionSchemeRecord, type RegionSchemeRepository, type RegionSchemeSummary, type SchemeRegionRecord, type StoredScheme } from '../repositories/region-scheme.repository.ts';

export type { RegionSchemeProblem, RegionSchemeRecord, RegionSchemeSummary, SchemeRegionRecord };

export interface RegionSchemeDetail {
  scheme: RegionSchemeRecord;
  regions: SchemeRegionRecord[];
}

export type ImportedRegionScheme = RegionSchemeSummary & { replaced: boolean };

const NAME_MAX = 100;

export class RegionSchemeService {
  private readonly schemes: RegionSchemeRepository;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(schemes: RegionSchemeRepository, audit: AuditLog, now: () => number = Date.now) {
    this.schemes = schemes;
    this.audit = audit;
    this.now = now;
  }

  /**
   * Imports the region scheme in a CSV file's `text` under `name`, or answers the problems of the file (then
   * nothing is stored). With `replace`, a scheme of that name is replaced whole.
   * @throws DomainError `forbidden` `assessment.region_scheme_forbidden`; `invalid`
   *   `assessment.invalid_scheme_name` or `assessment.region_scheme_reserved` (the name of UN M49's);
   *   `conflict` `assessment.region_scheme_exists` (without `replace`).
   */
  async import(actor: Actor, input: { name: string; text: string; source?: string | undefined; replace?: boolean }): Promise<{ scheme?: ImportedRegionScheme; problems: RegionSchemeProblem[] }> {
    if (!isPrivileged(actor)) throw forbidden('assessment.region_scheme_forbidden', 'only platform administrators import region schemes');
    const name = input.name.normalize('NFC').trim();
    if (name === '' || name.length > NAME_MAX) throw invalid('assessment.invalid_scheme_name', `a region scheme name has 1 to ${NAME_MAX} characters`, { field: 'name', max: NAME_MAX });
    if (isM49Scheme(name)) throw invalid('assessment.region_scheme_reserved', `"${name}" names the UN M49 regions, which are built in`, { field: 'name', name });
    const { regions, problems } = readRegionScheme(input.text);
    if (!regions) return { problems };
    const at = this.now();
    const record: RegionSchemeRecord = { id: randomUUID(), name, source: input.source ?? null, createdAt: at, updatedAt: at };
    const countries = new Set(regions.flatMap((r) => r.countries)).size;
    const audited = this.audit.within<StoredScheme>(actor, ({ scheme, replaced }) => ({
      action: 'assessment.region_scheme_import',
      target: scheme.id,
      details: { name, regions: regions.length, countries, replaced },
    }));
    const stored = await this.schemes.store(record, regions, input.replace === true, audited);
    if (!stored) throw conflict('assessment.region_scheme_exists', `there is a region scheme named "${name}" already: replace it, or choose another name`, { name });
    return { scheme: { ...stored.scheme, regions: regions.length, countries, replaced: stored.replaced }, problems: [] };
  }

  /** Every imported scheme, by name (UN M49's, built in, is not listed). */
  async list(): Promise<RegionSchemeSummary[]> {
    return this.schemes.list();
  }

  /**
   * An imported scheme with its regions and their countries.
   * @throws DomainError `not_found` `assessment.region_scheme_not_found`.
   */
  async get(name: string): Promise<RegionSchemeDetail> {
    const scheme = await this.schemes.findByName(name);
    if (!scheme) throw notFound('assessment.region_scheme_not_found', `there is no region scheme named "${name}"`, { name });
    return { scheme, regions: await this.schemes.regions(scheme.id) };
  }
}

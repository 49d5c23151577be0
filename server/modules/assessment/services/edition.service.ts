/**
 * Editions of the commitment index. For now: results published elsewhere (ITU's GCI 2020 and 2024) imported
 * as scores-only editions, kept exactly as published; each country's ranked results; and the comparison of two
 * editions (per country and pillar, the change, tier moves and rank moves). Published results are public:
 * anyone may read them; only a platform administrator (or the local operator) imports them.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import { ANONYMOUS, isPrivileged, type Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import type { AssessmentProblem } from '../../../../shared/assessment/framework-validation.ts';
import { readPublishedResults } from '../../../../shared/assessment/published-results.ts';
import { countryByAlpha2 } from '../../../../shared/assessment/iso3166.ts';
import { aggregateRegions, isM49Scheme, M49_SCHEME, m49Scheme, type RegionAggregate, type RegionScheme } from '../../../../shared/assessment/regions.ts';
import { DEFAULT_TIERS, rankByOverall, tierFinder, type Tier } from '../../../../shared/assessment/scoring.ts';
import type { EditionRecord, EditionRepository } from '../repositories/edition.repository.ts';
import { seesEveryParticipant } from './cycle-access.ts';
import type { RegionSchemeDetail } from './region-scheme.service.ts';

export type { EditionRecord };

export type Edition = EditionRecord & { countries: number };

export interface CountryResult {
  country: string;
  pillars: Record<string, number>;
  overall: number;
  tier: string;
  /** 1 for the highest overall score; equal scores share a rank. */
  rank: number;
}

/** A country's result in one edition, with how many countries that edition ranks. */
export interface CountryHistoryEntry extends CountryResult {
  edition: EditionRecord;
  countries: number;
}

export interface CountryComparison {
  country: string;
  /** Pillar → change from the first edition to the second, where both give that pillar. */
  pillars: Record<string, number>;
  overall: number;
  tier: { from: string; to: string };
  rank: { from: number; to: number };
}

export interface Comparison {
  from: string;
  to: string;
  countries: CountryComparison[];
  /** Countries only one of the two editions has. */
  onlyFrom: string[];
  onlyTo: string[];
}

/** Where imported region schemes come from (`RegionSchemeService`). */
export interface RegionSchemeSource {
  /** @throws DomainError `not_found` `assessment.region_scheme_not_found`. */
  get(name: string): Promise<RegionSchemeDetail>;
}

/** Results ranked by overall score, each with its tier. */
function ranked(results: readonly { country: string; overall: number; pillars: Record<string, number> }[], tiers: readonly Tier[]): CountryResult[] {
  const tierOf = tierFinder(tiers);
  return rankByOverall(results).map(({ country, pillars, overall, rank }) => ({ country, pillars, overall, tier: tierOf(overall), rank }));
}

const NAME_MAX = 100;

export class EditionService {
  private readonly editions: EditionRepository;
  private readonly audit: AuditLog;
  private readonly schemes: RegionSchemeSource;
  private readonly now: () => number;

  constructor(editions: EditionRepository, audit: AuditLog, schemes: RegionSchemeSource, now: () => number = Date.now) {
    this.editions = editions;
    this.audit = audit;
    this.schemes = schemes;
    this.now = now;
  }

  /**
   * Imports published results as a scores-only edition named `name`, or answers the problems of the file
   * (then nothing is stored).
   * @throws DomainError `forbidden` `assessment.import_forbidden`; `invalid` `assessment.invalid_name`;
   *   `conflict` `assessment.edition_exists`.
   */
  async importResults(actor: Actor, input: { name: string; text: string; source?: string | undefined }): Promise<{ edition?: Edition; problems: AssessmentProblem[] }> {
    if (!isPrivileged(actor)) throw forbidden('assessment.import_forbidden', 'only platform administrators import published results');
    const name = input.name.trim();
    if (name === '' || name.length > NAME_MAX) throw invalid('assessment.invalid_name', `an edition name has 1 to ${NAME_MAX} characters`, { field: 'name', max: NAME_MAX });
    const { results, problems } = readPublishedResults(input.text);
    if (!results) return { problems };
    const at = this.now();
    const edition: EditionRecord = {
      id: randomUUID(),
      name,
      kind: 'scores-only',
      status: 'published',
      year: results.year,
      source: input.source ?? null,
      createdAt: at,
      framework: null,
      answersDue: null,
      reviewDue: null,
      tiers: null,
      publishedAt: at,
    };
    const audited = this.audit.within(actor, { action: 'assessment.import_results', target: edition.id, details: { name, countries: results.results.length, year: results.year } });
    const stored = await this.editions.insert(edition, results.results, audited);
    if (!stored) throw conflict('assessment.edition_exists', `there is an edition named "${name}" already`, { name });
    return { edition: { ...edition, countries: results.results.length }, problems: [] };
  }

  /** The editions the actor may see (published ones, and all for the assessment team and reviewers), oldest year first. */
  async list(actor: Actor = ANONYMOUS): Promise<EditionRecord[]> {
    return (await this.editions.list()).filter((edition) => edition.status === 'published' || seesEveryParticipant(actor));
  }

  /**
   * An edition's results, ranked, each with its tier.
   * @throws DomainError `not_found` `assessment.edition_not_found`.
   */
  async results(name: string, actor: Actor = ANONYMOUS): Promise<{ edition: EditionRecord; results: CountryResult[] }> {
    const edition = await this.find(name, actor);
    return { edition, results: ranked(await this.editions.results(edition.id), edition.tiers ?? DEFAULT_TIERS) };
  }

  /** How a cycle edition assessed a country (`self-assessment`, `public-evidence`); null for results from elsewhere. */
  async basisOf(editionId: string, country: string): Promise<string | null> {
    return (await this.editions.results(editionId)).find((r) => r.country === country)?.basis ?? null;
  }

  /**
   * A country's results in every edition that has one, oldest first, with its UN M49 region and sub-region.
   * @throws DomainError `invalid` `assessment.invalid_country` (not an assigned ISO 3166-1 alpha-2 code).
   */
  async history(country: string): Promise<{ country: string; region: string | null; subRegion: string | null; editions: CountryHistoryEntry[] }> {
    const codes = countryByAlpha2(country);
    if (!codes) throw invalid('assessment.invalid_country', `"${country}" is not an ISO 3166-1 alpha-2 country code`, { country });
    const entries: CountryHistoryEntry[] = [];
    for (const edition of await this.editions.editionsOf(codes.alpha2)) {
      const results = ranked(await this.editions.results(edition.id), edition.tiers ?? DEFAULT_TIERS);
      const mine = results.find((r) => r.country === codes.alpha2)!;
      entries.push({ ...mine, edition, countries: results.length });
    }
    return { country: codes.alpha2, region: codes.region, subRegion: codes.subRegion, editions: entries };
  }

  /**
   * An edition's aggregates per region of a scheme: per pillar and overall, mean, median, min, max over the
   * region's countries that have a result (regions with none are left out). The scheme is UN M49's regions
   * and sub-regions (`m49`, any case) unless an imported scheme is named; `scheme` in the answer names it as
   * stored.
   * @throws DomainError `not_found` `assessment.edition_not_found`, `assessment.region_scheme_not_found`.
   */
  async regions(name: string, schemeName: string = M49_SCHEME, actor: Actor = ANONYMOUS): Promise<{ edition: EditionRecord; scheme: string; regions: RegionAggregate[] }> {
    const edition = await this.find(name, actor);
    let scheme: { name: string; members: RegionScheme };
    if (isM49Scheme(schemeName)) scheme = { name: M49_SCHEME, members: m49Scheme() };
    else {
      const found = await this.schemes.get(schemeName);
      scheme = { name: found.scheme.name, members: new Map(found.regions.map((r) => [r.region, r.countries])) };
    }
    return { edition, scheme: scheme.name, regions: aggregateRegions(await this.editions.results(edition.id), scheme.members) };
  }

  /**
   * How each country moved from edition `from` to edition `to`.
   * @throws DomainError `not_found` `assessment.edition_not_found`.
   */
  async compare(from: string, to: string, actor: Actor = ANONYMOUS): Promise<Comparison> {
    const [a, b] = [await this.results(from, actor), await this.results(to, actor)];
    const before = new Map(a.results.map((r) => [r.country, r]));
    const after = new Map(b.results.map((r) => [r.country, r]));
    const countries: CountryComparison[] = [];
    for (const [country, now] of after) {
      const then = before.get(country);
      if (!then) continue;
      const pillars: Record<string, number> = {};
      for (const [pillar, score] of Object.entries(now.pillars)) if (then.pillars[pillar] !== undefined) pillars[pillar] = score - then.pillars[pillar];
      countries.push({ country, pillars, overall: now.overall - then.overall, tier: { from: then.tier, to: now.tier }, rank: { from: then.rank, to: now.rank } });
    }
    countries.sort((x, y) => y.overall - x.overall || (x.country < y.country ? -1 : 1));
    return {
      from: a.edition.name,
      to: b.edition.name,
      countries,
      onlyFrom: [...before.keys()].filter((c) => !after.has(c)).sort(),
      onlyTo: [...after.keys()].filter((c) => !before.has(c)).sort(),
    };
  }

  /** A published edition, or a finalised one for the assessment team and reviewers (an open one has no results yet). */
  private async find(name: string, actor: Actor): Promise<EditionRecord> {
    const edition = await this.editions.findByName(name);
    if (!edition || !(edition.status === 'published' || (edition.status === 'finalised' && seesEveryParticipant(actor)))) throw notFound('assessment.edition_not_found', `there is no edition named "${name}"`, { name });
    return edition;
  }
}

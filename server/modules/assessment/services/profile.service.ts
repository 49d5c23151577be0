/**
 * A country's profile in one edition: its pillar scores, overall score, tier and rank; its strengths and areas
 * for growth (indicators of a cycle edition at least 75 % or under 50 % in place; pillars, for published
 * results from elsewhere); its ranked needs; the evidence the viewer may see; and its history across the
 * published editions.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { invalid } from '../../../core/errors.ts';
import type { Text } from '../../../../shared/assessment/framework.ts';
import { countryByAlpha2 } from '../../../../shared/assessment/iso3166.ts';
import { indicatorShares, needsOf } from '../../../../shared/assessment/needs.ts';
import type { ScoringModel } from '../../../../shared/assessment/scoring.ts';
import type { EditionRecord } from '../repositories/edition.repository.ts';
import type { EvidenceRecord, EvidenceRepository } from '../repositories/evidence.repository.ts';
import { maySeeEvidence } from './cycle-access.ts';
import type { CycleContext } from './cycle-context.ts';
import { answersOf } from './cycle.service.ts';
import type { CountryHistoryEntry, CountryResult, EditionService } from './edition.service.ts';
import { gcaPillarTitles } from './shipped-frameworks.ts';

export const STRENGTH_SHARE = 0.75;
export const GROWTH_SHARE = 0.5;

export interface ProfileArea {
  pillar: string;
  /** Null when the edition gives pillar scores only. */
  indicator: string | null;
  title: Text;
  share: number;
}

export interface ProfileNeed {
  question: string;
  number: string;
  text: Text;
  pillar: string;
  indicator: string;
  weight: number;
  /** 1 − credit / best credit. */
  missing: number;
  priority: number;
}

export interface CountryProfile {
  country: string;
  region: string | null;
  subRegion: string | null;
  edition: EditionRecord | null;
  result: (CountryResult & { countries: number; basis: string | null }) | null;
  pillars: { id: string; title: Text; score: number | null; max: number }[];
  strengths: ProfileArea[];
  growth: ProfileArea[];
  needs: ProfileNeed[];
  evidence: EvidenceRecord[];
  history: CountryHistoryEntry[];
}

export class ProfileService {
  private readonly context: CycleContext;
  private readonly editions: EditionService;
  private readonly evidence: EvidenceRepository;

  constructor(context: CycleContext, editions: EditionService, evidence: EvidenceRepository) {
    this.context = context;
    this.editions = editions;
    this.evidence = evidence;
  }

  /**
   * A country's profile in edition `name`, or in the newest published edition that has a result for it.
   * @throws DomainError `invalid` `assessment.invalid_country`; `not_found` `assessment.edition_not_found`.
   */
  async profile(actor: Actor, country: string, name?: string): Promise<CountryProfile> {
    const codes = countryByAlpha2(country);
    if (!codes) throw invalid('assessment.invalid_country', `"${country}" is not an ISO 3166-1 alpha-2 country code`, { country, field: 'country' });
    const { editions: history } = await this.editions.history(codes.alpha2);
    const edition = name === undefined ? (history[history.length - 1]?.edition ?? null) : await this.context.edition(actor, name);
    const profile: CountryProfile = { country: codes.alpha2, region: codes.region, subRegion: codes.subRegion, edition, result: null, pillars: [], strengths: [], growth: [], needs: [], evidence: [], history };
    if (!edition) return profile;

    const { results } = await this.editions.results(edition.name, actor);
    const mine = results.find((r) => r.country === codes.alpha2);
    const basis = mine && (await this.editions.basisOf(edition.id, codes.alpha2));
    profile.result = mine ? { ...mine, countries: results.length, basis: basis ?? null } : null;
    const model = edition.framework ? await this.context.model(edition as { framework: { id: string; version: string } }) : undefined;
    const titles = model ? new Map(model.framework.pillars.map((p) => [p.id, p.title])) : gcaPillarTitles();
    const max = 100 / titles.size;
    profile.pillars = [...titles].map(([id, title]) => ({ id, title, score: mine?.pillars[id] ?? null, max }));
    if (model) await this.fromAnswers(actor, profile, edition, model);
    else if (mine) {
      for (const pillar of profile.pillars) {
        if (pillar.score === null) continue;
        const area: ProfileArea = { pillar: pillar.id, indicator: null, title: pillar.title, share: pillar.score / pillar.max };
        if (area.share >= STRENGTH_SHARE) profile.strengths.push(area);
        else if (area.share < GROWTH_SHARE) profile.growth.push(area);
      }
    }
    return profile;
  }

  private async fromAnswers(actor: Actor, profile: CountryProfile, edition: EditionRecord, model: ScoringModel): Promise<void> {
    const participant = await this.context.participants.find(edition.id, profile.country);
    if (!participant) return;
    const answers = answersOf(model, await this.context.participants.answers(edition.id, profile.country));
    const indicators = new Map(model.framework.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i.title] as const)));
    for (const { pillar, indicator, share } of indicatorShares(model, answers)) {
      const area: ProfileArea = { pillar, indicator, title: indicators.get(indicator)!, share };
      if (share >= STRENGTH_SHARE) profile.strengths.push(area);
      else if (share < GROWTH_SHARE) profile.growth.push(area);
    }
    profile.strengths.sort((a, b) => b.share - a.share);
    profile.growth.sort((a, b) => a.share - b.share);
    const questions = new Map(model.questions.map((q) => [q.id, q]));
    profile.needs = needsOf(model, answers).map((need) => {
      const question = questions.get(need.question)!;
      return { ...need, text: question.text, weight: question.weight, missing: question.weight === 0 ? 0 : need.priority / question.weight };
    });
    profile.evidence = (await this.evidence.list(edition.id, profile.country)).filter((e) => maySeeEvidence(actor, edition, participant, e));
  }
}

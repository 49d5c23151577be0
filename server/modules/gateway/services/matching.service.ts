/**
 * A country's needs, from the Assessment module, matched with the assistance offered in the Gateway.
 *
 * The needs are those of the country's profile (`ProfileService.profile`, called as the reader, so an edition
 * the reader may not see answers as the Assessment module answers: 404): the applicable questions not fully in
 * place, highest priority first, each with the GCA indicator it comes from. A published `assistance` record
 * meets a need when its `indicators` include the need's indicator and it is offered to the country: its
 * `countries` include it, or its `regions` include the country's UN M49 sub-region, region, or the world
 * (`001`), as `shared/assessment/iso3166.ts` places the country. An offer naming no country and no region is
 * offered to no one in particular and meets no need. Intermediate regions (the Caribbean, Western Africa…) are
 * not matched: `iso3166.ts` does not place countries in them.
 *
 * The needs keep their order (by priority, as the profile ranks them); a need's offers come the most precisely
 * aimed first (the country, its sub-region, its region, the world), then newest published. Public: what it
 * shows is published on both sides.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import type { CountryProfile, ProfileNeed } from '../../assessment/services/profile.service.ts';
import type { StoredRecord } from '../repositories/record.repository.ts';
import type { SearchRepository } from '../repositories/search.repository.ts';
import { checkCountry } from './facts.service.ts';
import { publishedOfType } from './published-records.ts';

/** Where the needs come from: the Assessment module's profiles. */
export interface NeedsSource {
  profile(actor: Actor, country: string, edition?: string): Promise<CountryProfile>;
}

export type OfferReach = 'country' | 'sub-region' | 'region' | 'world';
export const OFFER_REACH: readonly OfferReach[] = ['country', 'sub-region', 'region', 'world'];

export interface MatchedOffer {
  record: StoredRecord;
  /** How it reaches the country: by name, or by the area that holds it. */
  reach: OfferReach;
}

export interface MatchedNeed {
  need: ProfileNeed;
  offers: MatchedOffer[];
}

export interface Matching {
  country: string;
  region: string | null;
  subRegion: string | null;
  /** The edition the needs come from; null when the country has no published result. */
  edition: CountryProfile['edition'];
  needs: MatchedNeed[];
  /** Published assistance offers reaching the country at all, whatever their indicators. */
  offers: number;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

export class MatchingService {
  private readonly search: SearchRepository;
  private readonly needs: NeedsSource;

  constructor(search: SearchRepository, needs: NeedsSource) {
    this.search = search;
    this.needs = needs;
  }

  /**
   * The country's needs in `edition` (or the newest published edition with a result for it), each with the
   * assistance offers that meet it.
   * @throws DomainError `invalid` `gateway.unknown_country`; the profile's errors (`assessment.edition_not_found`).
   */
  async match(actor: Actor, country: string, edition?: string): Promise<Matching> {
    const codes = checkCountry(country);
    const profile = await this.needs.profile(actor, codes.alpha2, edition);
    const reachOf = (offer: StoredRecord): OfferReach | undefined => {
      const body = offer.body!;
      if (list(body.countries).includes(codes.alpha2)) return 'country';
      const regions = list(body.regions);
      if (codes.subRegion !== null && regions.includes(codes.subRegion)) return 'sub-region';
      if (codes.region !== null && regions.includes(codes.region)) return 'region';
      return regions.includes('001') ? 'world' : undefined;
    };
    // Newest published first, as read; a stable sort by reach keeps that order among equals.
    const reaching = (await publishedOfType(this.search, 'assistance'))
      .flatMap((record) => {
        const reach = reachOf(record);
        return reach === undefined ? [] : [{ record, reach }];
      })
      .sort((a, b) => OFFER_REACH.indexOf(a.reach) - OFFER_REACH.indexOf(b.reach));
    const needs = profile.needs.map((need) => ({ need, offers: reaching.filter(({ record }) => list(record.body!.indicators).includes(need.indicator)) }));
    return { country: codes.alpha2, region: codes.region, subRegion: codes.subRegion, edition: profile.edition, needs, offers: reaching.length };
  }
}

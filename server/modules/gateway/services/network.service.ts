/**
 * The cooperation network the published `agreement` records draw: who has agreements with whom, by form
 * (bilateral, multilateral) and status. Public, as the records are.
 *
 * - Nodes are the parties: the countries an agreement lists (`country:TN`) and the organisations it lists
 *   (`organisation:<name>`, names compared after NFC and lower case, shown as first written).
 * - Each agreement is kept whole, with its parties (a multilateral agreement is one hyperedge); `edges` are
 *   the pairs of parties it joins, one per pair, form and status, with the agreements behind it — so a
 *   multilateral agreement of n parties gives n(n−1)/2 pairs.
 * - An agreement with a single party on record has no edge but is listed, its party a node.
 * - Filters: `form`, `status` (an agreement of no status given matches none), `country` (agreements naming
 *   it), `region` (agreements naming a country of that UN M49 region or sub-region).
 */
import { invalid } from '../../../core/errors.ts';
import { countryByAlpha2 } from '../../../../shared/assessment/iso3166.ts';
import { fieldsOf, M49_AREAS, type MultilingualText } from '../../../../shared/gateway/record-types.ts';
import type { StoredRecord } from '../repositories/record.repository.ts';
import type { SearchRepository } from '../repositories/search.repository.ts';
import { checkCountry } from './facts.service.ts';
import { publishedOfType } from './published-records.ts';

export type AgreementForm = 'bilateral' | 'multilateral';

export interface NetworkNode {
  id: string;
  kind: 'country' | 'organisation';
  /** The country code, or the organisation's name. */
  name: string;
  /** UN M49 region and sub-region of a country; null for an organisation. */
  region: string | null;
  subRegion: string | null;
  /** Agreements (of those shown) it is a party of. */
  agreements: number;
}

export interface NetworkAgreement {
  id: string;
  title: MultilingualText;
  form: AgreementForm;
  status: string | null;
  signedDate: string | null;
  /** Node ids, countries first, as the record lists them. */
  parties: string[];
}

export interface NetworkEdge {
  source: string;
  target: string;
  form: AgreementForm;
  status: string | null;
  /** The agreements joining the pair with that form and status. */
  agreements: string[];
}

export interface Network {
  nodes: NetworkNode[];
  agreements: NetworkAgreement[];
  edges: NetworkEdge[];
}

export interface NetworkFilters {
  form?: string | undefined;
  status?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const AGREEMENT = fieldsOf('agreement');
const FORMS = AGREEMENT.get('form')!.values!;
const STATUSES = AGREEMENT.get('status')!.values!;

function checkValue(field: string, value: string | undefined, values: readonly string[]): string | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (!values.includes(v)) throw invalid('gateway.invalid_filter', `"${value}" is not a value of the ${field} filter: ${values.join(', ')}`, { field, value: value!, expected: values.join(', ') });
  return v;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);
const organisationId = (name: string) => `organisation:${name.normalize('NFC').toLowerCase()}`;

export class NetworkService {
  private readonly search: SearchRepository;

  constructor(search: SearchRepository) {
    this.search = search;
  }

  /**
   * The network of the published agreements matching `filters` (see the module's note).
   * @throws DomainError `invalid` `gateway.invalid_filter`, `gateway.unknown_country`.
   */
  async network(filters: NetworkFilters = {}): Promise<Network> {
    const form = checkValue('form', filters.form, FORMS);
    const status = checkValue('status', filters.status, STATUSES);
    const country = filters.country?.trim() ? checkCountry(filters.country).alpha2 : undefined;
    const region = filters.region?.trim() || undefined;
    if (region !== undefined && !M49_AREAS.has(region)) throw invalid('gateway.invalid_filter', `"${region}" is not a value of the region filter: a UN M49 area code of three digits`, { field: 'region', value: region, expected: 'a UN M49 area code of three digits' });
    const inRegion = (code: string) => {
      const codes = countryByAlpha2(code);
      return codes !== undefined && (codes.region === region || codes.subRegion === region);
    };
    const matches = (r: StoredRecord) => {
      const body = r.body!;
      const countries = list(body.countries);
      return (form === undefined || body.form === form) && (status === undefined || body.status === status) && (country === undefined || countries.includes(country)) && (region === undefined || countries.some(inRegion));
    };
    // Oldest first, so the first spelling of an organisation's name is the one shown.
    const records = (await publishedOfType(this.search, 'agreement')).filter(matches).reverse();
    const nodes = new Map<string, NetworkNode>();
    const edges = new Map<string, NetworkEdge>();
    const agreements = records.map((r): NetworkAgreement => {
      const body = r.body!;
      const parties: string[] = [];
      for (const code of list(body.countries)) {
        const id = `country:${code}`;
        const codes = countryByAlpha2(code);
        if (!nodes.has(id)) nodes.set(id, { id, kind: 'country', name: code, region: codes?.region ?? null, subRegion: codes?.subRegion ?? null, agreements: 0 });
        if (!parties.includes(id)) parties.push(id);
      }
      for (const name of list(body.organisations)) {
        const id = organisationId(name);
        if (!nodes.has(id)) nodes.set(id, { id, kind: 'organisation', name, region: null, subRegion: null, agreements: 0 });
        if (!parties.includes(id)) parties.push(id);
      }
      for (const id of parties) nodes.get(id)!.agreements += 1;
      const agreement: NetworkAgreement = {
        id: r.id,
        title: body.title as MultilingualText,
        form: body.form as AgreementForm,
        status: (body.status as string | undefined) ?? null,
        signedDate: (body.signed_date as string | undefined) ?? null,
        parties,
      };
      const sorted = [...parties].sort(byCode);
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length; j++) {
          const key = [sorted[i], sorted[j], agreement.form, agreement.status ?? ''].join('\u001f');
          const edge = edges.get(key) ?? edges.set(key, { source: sorted[i]!, target: sorted[j]!, form: agreement.form, status: agreement.status, agreements: [] }).get(key)!;
          edge.agreements.push(r.id);
        }
      }
      return agreement;
    });
    return {
      nodes: [...nodes.values()].sort((a, b) => byCode(a.kind, b.kind) || byCode(a.id, b.id)),
      agreements: agreements.reverse(),
      edges: [...edges.values()].sort((a, b) => byCode(a.source, b.source) || byCode(a.target, b.target) || byCode(a.form, b.form) || byCode(a.status ?? '', b.status ?? '')),
    };
  }
}

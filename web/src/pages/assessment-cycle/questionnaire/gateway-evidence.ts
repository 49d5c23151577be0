/**
 * Which of the Gateway's published records on a country a question may cite as evidence: those naming the
 * question's GCA indicator first, then those of its pillar only. The Gateway and the commitment questionnaire
 * share the GCA framework's ids, so a record's `indicators` and `pillars` are the question's own; a framework
 * of other ids (the CSIRT self-assessment) finds none. A record is cited as a public link to its Gateway page,
 * which shows its source and when it was last verified; one already cited is marked so.
 */
import type { PlacedQuestion } from '../../../../../shared/assessment/framework.ts';
import type { Evidence } from '../../../api/cycle-types.ts';
import { gatewayPages, type PublishedRecord } from '../../../api/gateway-types.ts';

export interface Citable {
  record: PublishedRecord;
  /** What ties it to the question: the question's indicator, or its pillar only. */
  match: 'indicator' | 'pillar';
  /** The address the evidence link points at. */
  url: string;
  cited: boolean;
}

/** The address of a record's Gateway page below `origin` (the UI's own, `location.origin`). */
export function recordPageUrl(origin: string, id: string): string {
  return new URL(`/ui${gatewayPages.record(id)}`, origin).href;
}

const listed = (value: unknown, id: string) => Array.isArray(value) && value.includes(id);

/**
 * The records a question may cite, indicator matches first, each group in the order given (the Gateway's:
 * newest published first).
 * @example citable(records, { indicator: 'technical-national-cirt', pillar: 'technical' }, [], 'https://hub.example')
 */
export function citable(
  records: readonly PublishedRecord[],
  question: Pick<PlacedQuestion, 'indicator' | 'pillar'>,
  evidence: readonly Evidence[],
  origin: string,
): Citable[] {
  const cited = new Set(evidence.flatMap((e) => (e.url ? [e.url] : [])));
  const of = (match: Citable['match']) =>
    records
      .filter((r) => (match === 'indicator' ? listed(r.record.indicators, question.indicator) : !listed(r.record.indicators, question.indicator) && listed(r.record.pillars, question.pillar)))
      .map((record) => {
        const url = recordPageUrl(origin, record.id);
        return { record, match, url, cited: cited.has(url) };
      });
  return [...of('indicator'), ...of('pillar')];
}

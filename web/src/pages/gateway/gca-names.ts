/**
 * Names of the GCA pillars and indicators a record concerns, in the six languages, from the shipped commitment
 * framework (the same file `record-types.ts` takes their ids from), with each one's number (`1.2`).
 */
import gca from '../../../../shared/assessment/frameworks/gca-commitment.json' with { type: 'json' };
import type { Language } from '../../../../shared/i18n/languages.ts';

type Texts = Partial<Record<Language, string>>;
interface Named {
  number: string;
  title: Texts;
}
interface GcaFramework {
  pillars: readonly (Named & { id: string; indicators: readonly (Named & { id: string })[] })[];
}

const framework = gca as unknown as GcaFramework;
const NAMED = new Map<string, Named>(framework.pillars.flatMap((p) => [[p.id, p] as const, ...p.indicators.map((i) => [i.id, i] as const)]));

/** The GCA indicator ids of each pillar, in the framework's order. */
export const INDICATORS_BY_PILLAR: ReadonlyMap<string, readonly string[]> = new Map(framework.pillars.map((p) => [p.id, p.indicators.map((i) => i.id)]));

/** A pillar's or an indicator's number and name in `language` (English when the framework lacks it); the id when unknown. */
export function gcaName(id: string, language: Language): { number: string; name: string } {
  const named = NAMED.get(id);
  if (!named) return { number: '', name: id };
  return { number: named.number, name: named.title[language] ?? named.title.en ?? id };
}

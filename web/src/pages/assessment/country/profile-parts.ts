/**
 * The rules of a country profile's parts, pure: strengths and areas for growth in reading order, how pressing
 * a need is and how far it is from being in place, where a need or a piece of evidence sits in the framework,
 * and the address a piece of evidence is opened at.
 * The profile endpoint decides what counts as a strength (at least 75 % in place), an area for growth (under
 * 50 %) and a need, and ranks the needs; these only order and label what it gives.
 */
import type { Framework, Text } from '../../../../../shared/assessment/framework.ts';
import { questionsOf } from '../../../../../shared/assessment/framework.ts';
import type { ProfileArea, ProfileNeed } from '../../../api/assessment.ts';
import { API } from '../../../api/client.ts';
import { cyclePaths, type Evidence } from '../../../api/cycle-types.ts';

/** How many needs the profile lists before the reader asks for all of them. */
export const TOP_NEEDS = 10;

/** Strengths strongest first, areas for growth weakest first (framework order among equals). */
export function orderAreas(strengths: readonly ProfileArea[], growth: readonly ProfileArea[]): { strengths: ProfileArea[]; growth: ProfileArea[] } {
  return { strengths: [...strengths].sort((a, b) => b.share - a.share), growth: [...growth].sort((a, b) => a.share - b.share) };
}

export type PriorityLevel = 'high' | 'medium' | 'low';

/**
 * How pressing a need is, against the highest priority a need can have (the framework's highest weight, a
 * question with nothing in place): high from two thirds of it, medium from one third, low below.
 */
export function priorityLevel(priority: number, highest: number): PriorityLevel {
  const share = highest > 0 ? priority / highest : 1;
  // A hair below the cut-offs still counts: 2 of 3 is two thirds, though 2 / 3 is 0.666….
  if (share >= 2 / 3 - 1e-9) return 'high';
  if (share >= 1 / 3 - 1e-9) return 'medium';
  return 'low';
}

/** `absent`: nothing of the question is in place; `partial`: some of its credit is earned, `missing` of it is not. */
export function gapOf(need: Pick<ProfileNeed, 'missing'>): 'absent' | 'partial' {
  return need.missing >= 1 ? 'absent' : 'partial';
}

export interface FrameworkPlaces {
  indicator(id: string): Text | undefined;
  question(id: string): { number: string; text: Text } | undefined;
  /** The highest weight of a question (undefined while the framework is not loaded). */
  highestWeight: number | undefined;
}

/** Indicator titles and question numbers and texts of the edition's framework, by id (nothing while it is not loaded). */
export function placesOf(framework: Framework | null | undefined): FrameworkPlaces {
  const indicators = new Map((framework?.pillars ?? []).flatMap((p) => p.indicators.map((i) => [i.id, i.title] as const)));
  const placed = framework ? questionsOf(framework) : [];
  const questions = new Map(placed.map((q) => [q.id, { number: q.number, text: q.text }] as const));
  const highestWeight = placed.length > 0 ? Math.max(...placed.map((q) => q.weight)) : undefined;
  return { indicator: (id) => indicators.get(id), question: (id) => questions.get(id), highestWeight };
}

/** Evidence in the framework's order of its questions (an unknown question last), then as given. */
export function orderEvidence(items: readonly Evidence[], framework: Framework | null | undefined): Evidence[] {
  const order = new Map((framework ? questionsOf(framework) : []).map((q, i) => [q.id, i]));
  const at = (item: Evidence) => order.get(item.question) ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => at(a) - at(b));
}

/**
 * Where a piece of evidence opens: a link's own address, or the file's download address made absolute, so a
 * printed profile gives an address that can be typed in (the print stylesheet writes out `http…` links).
 */
export function evidenceHref(item: Pick<Evidence, 'kind' | 'url' | 'id'>, origin: string): string {
  if (item.kind === 'link' && item.url) return item.url;
  return new URL(item.url ?? `${API}${cyclePaths.evidence(item.id)}`, origin).href;
}

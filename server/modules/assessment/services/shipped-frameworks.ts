/**
 * The frameworks Thiqa ships (`shared/assessment/frameworks/`), read once: the GCA commitment questionnaire
 * and the CSIRT maturity self-assessment. They can be used without being imported first: an edition opened on
 * one stores it (`FrameworkService.resolve`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Framework, Text } from '../../../../shared/assessment/framework.ts';

export const SHIPPED_FRAMEWORKS_DIR = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'assessment', 'frameworks');

let shipped: Map<string, Framework> | undefined;

/** The shipped frameworks by id. */
export function shippedFrameworks(): ReadonlyMap<string, Framework> {
  shipped ??= new Map(
    fs
      .readdirSync(SHIPPED_FRAMEWORKS_DIR)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => JSON.parse(fs.readFileSync(path.join(SHIPPED_FRAMEWORKS_DIR, file), 'utf8')) as Framework)
      .map((framework) => [framework.id, framework]),
  );
  return shipped;
}

/** The five GCA pillars' titles, in the six languages, by pillar id (for editions that give scores only). */
export function gcaPillarTitles(): Map<string, Text> {
  return new Map(shippedFrameworks().get('gca-commitment')!.pillars.map((p) => [p.id, p.title]));
}

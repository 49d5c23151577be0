/**
 * Warning lists as the REST API and `thiqa warninglists … --json` answer them: stored lists, an import's
 * report, a value's check; and the JSON Schemas of those answers.
 */
import { listOf, objectSchema, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import type { WarningListProblem } from '../../../../shared/warninglists/warninglist-file.ts';
import type { WarningListHit } from '../../../../shared/warninglists/warninglist-index.ts';
import type { ListImport, StoredListSummary } from '../services/warninglist.service.ts';
import type { ResolvedValue } from '../services/value-kind.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function presentList(list: StoredListSummary) {
  return {
    name: list.name,
    version: list.version,
    description: list.description,
    type: list.type,
    matching_attributes: list.matchingAttributes,
    entries: list.entryCount,
    enabled: list.enabled,
    imported_at: iso(list.importedAt),
    imported_by: list.importedBy,
  };
}

const presentProblem = (p: WarningListProblem) => ({ rule: p.rule, path: p.path, file: p.file, message: p.message });

export function presentImports(results: readonly ListImport[]) {
  const count = (outcome: ListImport['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return {
    imported: count('imported'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    lists: results.map((r) => ({
      file: r.file,
      outcome: r.outcome,
      name: r.name,
      version: r.version,
      previous_version: r.previousVersion,
      entries: r.entries,
      skipped: r.skipped.map(presentProblem),
      problems: r.problems.map(presentProblem),
    })),
  };
}

export const presentHit = (hit: WarningListHit) => ({ name: hit.name, type: hit.type, matched_value: hit.matchedValue });

export function presentCheck(asked: ResolvedValue, hits: readonly WarningListHit[]) {
  return { value: asked.value, type: asked.kind, hash_algorithm: asked.hashAlgorithm ?? null, warning_lists: hits.map(presentHit) };
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const problem = objectSchema({ rule: text('rule code (sentences in the problem catalogs)'), path: text('JSON path in the file'), file: text('the file'), message: text('what is wrong, in English') });

export const WARNINGLIST_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  WarningList: objectSchema({
    name: text('the list’s name (its key)'),
    version: count('the list’s version'),
    description: text('what the list holds'),
    type: { type: 'string', enum: ['cidr', 'hostname', 'string', 'substring', 'regex'] },
    matching_attributes: { type: 'array', items: { type: 'string' }, description: 'MISP attribute types it applies to (none: all)' },
    entries: count('entries stored'),
    enabled: { type: 'boolean', description: 'whether values are checked against it' },
    imported_at: text('when this version was imported'),
    imported_by: text('who imported it (user id, or system)'),
  }),
  WarningLists: objectSchema({ lists: listOf('WarningList') }),
  WarningListImport: objectSchema({
    imported: count('lists new'),
    updated: count('lists replaced by a newer version'),
    unchanged: count('lists whose version was not newer than the stored one'),
    refused: count('files that are not warning lists'),
    lists: {
      type: 'array',
      items: objectSchema({
        file: text('the file'),
        outcome: { type: 'string', enum: ['imported', 'updated', 'unchanged', 'refused'] },
        name: { type: ['string', 'null'], description: 'the list’s name; null when refused' },
        version: { type: ['integer', 'null'] },
        previous_version: { type: ['integer', 'null'], description: 'the version stored before (kept, when unchanged)' },
        entries: count('entries in the file’s list (usable ones)'),
        skipped: { type: 'array', items: problem, description: 'entries left out, each with why' },
        problems: { type: 'array', items: problem, description: 'why the file was refused' },
      }),
    },
  }),
  WarningListCheck: objectSchema({
    value: text('the value looked for'),
    type: text('its kind, as given or guessed'),
    hash_algorithm: { type: ['string', 'null'], description: 'for hashes, the algorithm' },
    warning_lists: { type: 'array', items: objectSchema({ name: text('list name'), type: text('list type'), matched_value: text('the value') }) },
  }),
};

/**
 * Turning submitted content into storable versions: the envelope is checked, each object is validated on its
 * own, and the valid ones go on even when others in the same request are rejected.
 */
import { invalid } from '../../../core/errors.ts';
import { hasErrors, validateObject, type Problem } from '../../../../shared/stix/index.ts';
import { timestampKey } from '../../../../shared/stix/timestamp.ts';
import { sharingFactsOf, type SharingFacts } from '../../../../shared/stix/sharing.ts';
import { browseFactsOf } from '../../../../shared/stix/browse-facts.ts';
import type { NewVersion } from '../repositories/object.repository.ts';

export interface Rejection {
  index: number;
  id: string | undefined;
  version: string | undefined;
  problems: Problem[];
}

export interface Prepared {
  /** Valid objects, with what their markings say about who may see them (decided by the service). */
  accepted: { index: number; version: NewVersion; versionText: string | undefined; sharing: SharingFacts }[];
  rejected: Rejection[];
  /** Warnings of accepted objects, by index. */
  warnings: Map<number, Problem[]>;
}

/** The objects array of a TAXII envelope or a STIX bundle; throws invalid for anything else. */
export function objectsOf(content: unknown): unknown[] {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw invalid('content.not_an_envelope', 'the content must be a JSON object with an "objects" list (a TAXII envelope or a STIX bundle)');
  }
  const record = content as Record<string, unknown>;
  if (record.type !== undefined && record.type !== 'bundle') {
    throw invalid('content.not_an_envelope', `the content has "type": ${JSON.stringify(record.type)}; expected a TAXII envelope or a STIX bundle`);
  }
  if (record.objects === undefined) return [];
  if (!Array.isArray(record.objects)) throw invalid('content.objects_not_a_list', '"objects" must be a list of STIX objects');
  return record.objects;
}

// TextEncoder gives each body its own exact-size buffer (Buffer.from would share a pool, which a worker
// thread's structured clone would then copy whole for every object).
const encoder = new TextEncoder();

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Validates each object; never throws for a bad object, only records it. */
export function prepareObjects(objects: readonly unknown[], offset = 0): Prepared {
  const prepared: Prepared = { accepted: [], rejected: [], warnings: new Map() };
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    const index = offset + i;
    const problems = validateObject(object);
    const record = (typeof object === 'object' && object !== null ? object : {}) as Record<string, unknown>;
    const versionText = text(record.modified) ?? text(record.created);
    if (hasErrors(problems)) {
      prepared.rejected.push({ index, id: text(record.id), version: versionText, problems });
      continue;
    }
    if (problems.length) prepared.warnings.set(index, problems);
    prepared.accepted.push({
      index,
      version: {
        stixId: record.id as string,
        type: record.type as string,
        version: versionText === undefined ? '' : (timestampKey(versionText) ?? ''),
        specVersion: text(record.spec_version) ?? '2.1',
        body: encoder.encode(JSON.stringify(object)),
        browse: browseFactsOf(record),
      },
      versionText,
      sharing: sharingFactsOf(record),
    });
  }
  return prepared;
}

/** One line naming the errors of a rejected object (rule codes and JSON paths included). */
export function describeProblems(problems: readonly Problem[], limit = 5): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = errors.slice(0, limit).map((p) => `${p.path}: ${p.message} [${p.rule}]`);
  if (errors.length > limit) shown.push(`and ${errors.length - limit} more`);
  return shown.join('; ');
}

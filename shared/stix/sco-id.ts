/**
 * Deterministic SCO identifiers (§2.9, §3.4): UUIDv5 in the STIX namespace over the RFC 8785 form of the
 * object's ID Contributing Properties. Matches the ids printed in STIX 2.1 Errata 01, which were regenerated
 * with python-stix2.
 */
import { canonicalJson } from './canonical-json.ts';
import { isRecord } from './checker.ts';
import { SCO_NAMESPACE, uuidV4, uuidV5 } from './identifier.ts';
import { typeDefinition } from './registry.ts';

/** "If the hashes property is present, include only one hash", preferring these in order. */
const HASH_PREFERENCE = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512'];

function chooseOneHash(hashes: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const algorithm of HASH_PREFERENCE) {
    if (hashes[algorithm] !== undefined) return { [algorithm]: hashes[algorithm] };
  }
  for (const algorithm in hashes) return { [algorithm]: hashes[algorithm] };
  return undefined;
}

/** The ID Contributing Properties present on the object, or undefined when there are none. */
export function contributingProperties(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const definition = typeof object.type === 'string' ? typeDefinition(object.type) : undefined;
  if (!definition || definition.kind !== 'sco') return undefined;
  let contributing: Record<string, unknown> | undefined;
  for (const name of definition.idContributing ?? []) {
    let value = object[name];
    if (name === 'hashes' && isRecord(value)) value = chooseOneHash(value);
    if (value === undefined) continue;
    (contributing ??= {})[name] = value;
  }
  return contributing;
}

/**
 * The deterministic id of an SCO, or undefined when it has none (not an SCO, or no contributing property
 * present, in which case the specification requires a UUIDv4).
 * @throws TypeError when a contributing property holds a value JSON cannot carry.
 */
export function deterministicScoId(object: Record<string, unknown>): string | undefined {
  const contributing = contributingProperties(object);
  if (!contributing) return undefined;
  return `${object.type as string}--${uuidV5(SCO_NAMESPACE, canonicalJson(contributing))}`;
}

/**
 * Generates the id an SCO should have: deterministic when it has ID Contributing Properties, otherwise a fresh
 * UUIDv4 (as for `process`). Undefined when `object.type` is not an SCO type.
 * @throws TypeError when a contributing property holds a value JSON cannot carry.
 * @example computeScoId({ type: 'ipv4-addr', value: '198.51.100.3' }) // 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4'
 */
export function computeScoId(object: Record<string, unknown>): string | undefined {
  const definition = typeof object.type === 'string' ? typeDefinition(object.type) : undefined;
  if (!definition || definition.kind !== 'sco') return undefined;
  return deterministicScoId(object) ?? `${definition.type}--${uuidV4()}`;
}

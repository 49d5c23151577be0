/**
 * STIX 2.1 model and validator: the public API other code relies on.
 *
 * @example
 * const problems = validateObject(object);
 * if (hasErrors(problems)) reject(problems);
 */
export type { Problem, RuleCode, Severity } from './problem.ts';
export { hasErrors, RULE_SEVERITY } from './problem.ts';
export { validateObject, validateBundleEnvelope } from './validator.ts';
export { computeScoId, deterministicScoId } from './sco-id.ts';
export { objectKind, stixTypes, typeDefinition } from './registry.ts';
export type { TypeDefinition } from './registry.ts';
export {
  TLP1_MARKINGS, TLP1_MARKING_OBJECTS, TLP2_EXTENSION_DEFINITION, TLP2_EXTENSION_ID, TLP2_MARKINGS, TLP2_MARKING_OBJECTS,
} from './tlp.ts';
export { canonicalJson } from './canonical-json.ts';
export { isIdentifier, isTypeName, uuidV5, SCO_NAMESPACE } from './identifier.ts';
export { ENUMERATIONS, OPEN_VOCABULARIES } from './vocabularies.ts';
export type { EnumerationName, OpenVocabularyName } from './vocabularies.ts';

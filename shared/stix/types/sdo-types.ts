/** The 19 STIX Domain Objects (§4), declared from their property tables. */
import { defineType, KILL_CHAIN_PHASES } from './common-types.ts';
import {
  BOOLEAN, FLOAT, RESERVED, STRING, STRINGS, TIMESTAMP, anyOf, dict, enumeration, exclusive, float, int, obj,
  order, ref, refs, requires, vocab, vocabs,
} from './property-types.ts';
import type { TypeDefinition } from './property-types.ts';
import type { Checker } from '../checker.ts';
import { patternProblem } from '../patterning/index.ts';

const SEEN = order('first_seen', 'last_seen');

/** An indicator whose `pattern_type` is `stix` must carry a pattern that parses and keeps the rules of §9. */
function checkStixPattern(object: Record<string, unknown>, checker: Checker): void {
  if (object.pattern_type !== 'stix' || typeof object.pattern !== 'string') return;
  const problem = patternProblem(object.pattern);
  if (problem) {
    const { line, column } = problem.position;
    const params = { line, column, expected: problem.expected.join(' '), found: problem.found };
    checker.report('indicator-pattern-invalid', `The STIX pattern is invalid ${problem.message}.`, 'pattern', params);
  }
}

export const SDO_TYPES: readonly TypeDefinition[] = [
  defineType('attack-pattern', 'sdo', {
    name: STRING, description: STRING, aliases: STRINGS, kill_chain_phases: KILL_CHAIN_PHASES,
  }, { required: ['name'] }),

  defineType('campaign', 'sdo', {
    name: STRING, description: STRING, aliases: STRINGS, first_seen: TIMESTAMP, last_seen: TIMESTAMP,
    objective: STRING,
  }, { required: ['name'], constraints: [SEEN] }),

  defineType('course-of-action', 'sdo', {
    name: STRING, description: STRING, action: RESERVED,
  }, { required: ['name'] }),

  // `name` is optional: the 2.1 JSON schemas and python-stix2 agree, the errata markdown table disagrees.
  defineType('grouping', 'sdo', {
    name: STRING, description: STRING, context: vocab('grouping-context-ov'), object_refs: refs('any'),
  }, { required: ['context', 'object_refs'] }),

  defineType('identity', 'sdo', {
    name: STRING, description: STRING, roles: STRINGS, identity_class: vocab('identity-class-ov'),
    sectors: vocabs('industry-sector-ov'), contact_information: STRING,
  }, { required: ['name'] }),

  defineType('incident', 'sdo', { name: STRING, description: STRING }, { required: ['name'] }),

  defineType('indicator', 'sdo', {
    name: STRING, description: STRING, indicator_types: vocabs('indicator-type-ov'), pattern: STRING,
    pattern_type: vocab('pattern-type-ov'), pattern_version: STRING, valid_from: TIMESTAMP, valid_until: TIMESTAMP,
    kill_chain_phases: KILL_CHAIN_PHASES,
  }, {
    required: ['pattern', 'pattern_type', 'valid_from'],
    constraints: [order('valid_from', 'valid_until', true), { kind: 'custom', check: checkStixPattern }],
  }),

  defineType('infrastructure', 'sdo', {
    name: STRING, description: STRING, infrastructure_types: vocabs('infrastructure-type-ov'), aliases: STRINGS,
    kill_chain_phases: KILL_CHAIN_PHASES, first_seen: TIMESTAMP, last_seen: TIMESTAMP,
  }, { required: ['name'], constraints: [SEEN] }),

  defineType('intrusion-set', 'sdo', {
    name: STRING, description: STRING, aliases: STRINGS, first_seen: TIMESTAMP, last_seen: TIMESTAMP, goals: STRINGS,
    resource_level: vocab('attack-resource-level-ov'), primary_motivation: vocab('attack-motivation-ov'),
    secondary_motivations: vocabs('attack-motivation-ov'),
  }, { required: ['name'], constraints: [SEEN] }),

  defineType('location', 'sdo', {
    name: STRING, description: STRING, latitude: float(-90, 90), longitude: float(-180, 180), precision: FLOAT,
    region: vocab('region-ov'), country: STRING, administrative_area: STRING, city: STRING, street_address: STRING,
    postal_code: STRING,
  }, {
    constraints: [
      anyOf('region', 'country', 'latitude'),
      requires('latitude', 'longitude'),
      requires('longitude', 'latitude'),
      requires('precision', 'latitude', 'longitude'),
    ],
  }),

  defineType('malware', 'sdo', {
    name: STRING, description: STRING, malware_types: vocabs('malware-type-ov'), is_family: BOOLEAN,
    aliases: STRINGS, kill_chain_phases: KILL_CHAIN_PHASES, first_seen: TIMESTAMP, last_seen: TIMESTAMP,
    operating_system_refs: refs('software'), architecture_execution_envs: vocabs('processor-architecture-ov'),
    implementation_languages: vocabs('implementation-language-ov'), capabilities: vocabs('malware-capabilities-ov'),
    sample_refs: refs('file', 'artifact'),
  }, {
    // 2.1 OS makes is_family required (the errata markdown table drops it; the JSON schemas keep it).
    required: ['is_family'],
    constraints: [SEEN, { kind: 'when', property: 'is_family', value: true, require: ['name'] }],
  }),

  defineType('malware-analysis', 'sdo', {
    product: STRING, version: STRING, host_vm_ref: ref('software'), operating_system_ref: ref('software'),
    installed_software_refs: refs('software'), configuration_version: STRING, modules: STRINGS,
    analysis_engine_version: STRING, analysis_definition_version: STRING, submitted: TIMESTAMP,
    analysis_started: TIMESTAMP, analysis_ended: TIMESTAMP, result_name: STRING, result: vocab('malware-result-ov'),
    analysis_sco_refs: refs('sco'), sample_ref: ref('file', 'network-traffic', 'artifact'),
  }, { required: ['product'], constraints: [anyOf('result', 'analysis_sco_refs')] }),

  defineType('note', 'sdo', {
    abstract: STRING, content: STRING, authors: STRINGS, object_refs: refs('any'),
  }, { required: ['content', 'object_refs'] }),

  defineType('observed-data', 'sdo', {
    first_observed: TIMESTAMP, last_observed: TIMESTAMP, number_observed: int(1, 999_999_999),
    // The deprecated observable container: only its shape is checked (its ids are local keys, not STIX ids).
    objects: dict(obj({ name: 'cyber-observable-object', properties: { type: STRING }, required: ['type'], open: true })),
    object_refs: refs('sco', 'sro'),
  }, {
    required: ['first_observed', 'last_observed', 'number_observed'],
    constraints: [order('first_observed', 'last_observed'), anyOf('objects', 'object_refs'),
      exclusive('objects', 'object_refs')],
  }),

  defineType('opinion', 'sdo', {
    explanation: STRING, authors: STRINGS, opinion: enumeration('opinion-enum'), object_refs: refs('any'),
  }, { required: ['opinion', 'object_refs'] }),

  defineType('report', 'sdo', {
    name: STRING, description: STRING, report_types: vocabs('report-type-ov'), published: TIMESTAMP,
    object_refs: refs('any'),
  }, { required: ['name', 'published', 'object_refs'] }),

  defineType('threat-actor', 'sdo', {
    name: STRING, description: STRING, threat_actor_types: vocabs('threat-actor-type-ov'), aliases: STRINGS,
    first_seen: TIMESTAMP, last_seen: TIMESTAMP, roles: vocabs('threat-actor-role-ov'), goals: STRINGS,
    sophistication: vocab('threat-actor-sophistication-ov'), resource_level: vocab('attack-resource-level-ov'),
    primary_motivation: vocab('attack-motivation-ov'), secondary_motivations: vocabs('attack-motivation-ov'),
    personal_motivations: vocabs('attack-motivation-ov'),
  }, { required: ['name'], constraints: [SEEN] }),

  defineType('tool', 'sdo', {
    name: STRING, description: STRING, tool_types: vocabs('tool-type-ov'), aliases: STRINGS,
    kill_chain_phases: KILL_CHAIN_PHASES, tool_version: STRING,
  }, { required: ['name'] }),

  defineType('vulnerability', 'sdo', { name: STRING, description: STRING }, { required: ['name'] }),
];

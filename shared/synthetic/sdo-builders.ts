/**
 * Builders of STIX Domain Objects (identity, indicator, malware, threat-actor, intrusion-set, campaign,
 * attack-pattern, vulnerability). Each takes the stream's context and returns one new object; names and
 * values are invented (see vocabulary.ts), never copied from real intelligence.
 */
import type { GeneratorContext, StixObject } from './generator-context.ts';
import { SCO_TYPES, stixPattern } from './observables.ts';
import type { Observation, ScoType } from './observables.ts';
import {
  ADJECTIVES, ANIMALS, ATTACK_PHASES, FLAWS, INDICATOR_TYPES, MALWARE_SUFFIXES, MALWARE_SYLLABLES,
  MALWARE_TYPES, MOTIVATIONS, ORGANISATIONS, PRODUCTS, RESOURCE_LEVELS, SOPHISTICATION, TECHNIQUES,
  THREAT_ACTOR_TYPES,
} from './vocabulary.ts';

const GROUP_WORDS = ['Team', 'Collective', 'Brigade', 'Syndicate', 'Group'] as const;
const OPERATION_WORDS = ['Harvest', 'Lantern', 'Tide', 'Bridge', 'Mirage', 'Orchard', 'Monsoon', 'Needle'] as const;
const OBJECTIVES = [
  'Steal credentials of online-banking customers.',
  'Gain persistent access to telecom core networks.',
  'Collect diplomatic correspondence.',
  'Extort payment by encrypting hospital systems.',
] as const;
/** What indicators watch for, weighted towards the everyday: addresses and domains. */
const INDICATOR_SUBJECTS: readonly (readonly [ScoType, number])[] = [
  ['ipv4-addr', 30], ['domain-name', 28], ['file', 20], ['url', 15], ['email-addr', 7],
];
const SUBJECT_NAMES: Record<ScoType, string> = {
  'ipv4-addr': 'Command-and-control address',
  'domain-name': 'Malicious domain',
  url: 'Phishing URL',
  file: 'Malicious file hash',
  'email-addr': 'Phishing sender',
};

/** The `index`-th identity: national CIRTs first, then a bank, a telecom operator and others. */
export function buildIdentity(context: GeneratorContext, index: number): StixObject {
  const seed = ORGANISATIONS[index % ORGANISATIONS.length]!;
  const round = Math.floor(index / ORGANISATIONS.length);
  // The first national CIRT is the root of trust: it describes itself and everyone else.
  const creator = index === 0 ? undefined : context.identities[0];
  return {
    ...context.common('identity', creator),
    name: round === 0 ? seed.name : `${seed.name} (${round + 1})`,
    description: seed.description,
    identity_class: 'organization',
    sectors: [...seed.sectors],
    contact_information: seed.contact,
    lang: seed.lang,
  };
}

/** An indicator with a STIX pattern over one or two observables, often ones already published as SCOs. */
export function buildIndicator(context: GeneratorContext): StixObject {
  const { random, observables } = context;
  const subject = random.weighted(INDICATOR_SUBJECTS);
  const observations: Observation[] = [observables.observation(subject)];
  if (random.chance(0.15)) {
    const other = random.chance(0.5) ? subject : random.pick(SCO_TYPES);
    const second = observables.observation(other);
    if (second.value !== observations[0]!.value) observations.push(second);
  }
  const head = context.common('indicator');
  const validFrom = head.created as string;
  return {
    ...head,
    name: `${SUBJECT_NAMES[subject]} ${observations[0]!.value}`,
    indicator_types: [random.pick(INDICATOR_TYPES)],
    pattern: stixPattern(observations, random),
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: validFrom,
    ...(random.chance(0.3) ? { valid_until: later(validFrom, random.int(30, 180)) } : {}),
    ...(random.chance(0.4) ? { kill_chain_phases: [killChainPhase(context)] } : {}),
    ...(random.chance(0.6) ? { confidence: random.int(15, 95) } : {}),
  };
}

/** A malware family (mostly) or sample with an invented name. */
export function buildMalware(context: GeneratorContext): StixObject {
  const { random } = context;
  const syllables = random.int(2, 3);
  let stem = '';
  for (let i = 0; i < syllables; i++) stem += random.pick(MALWARE_SYLLABLES);
  const name = `${stem[0]!.toUpperCase()}${stem.slice(1)}${random.pick(MALWARE_SUFFIXES)}`;
  const isFamily = random.chance(0.85);
  return {
    ...context.common('malware'),
    name,
    description: `Synthetic malware ${isFamily ? 'family' : 'sample'} generated for demonstration.`,
    malware_types: [random.pick(MALWARE_TYPES)],
    is_family: isFamily,
    ...(isFamily && random.chance(0.4) ? { aliases: [`${name.toLowerCase()}-${random.int(2, 9)}`] } : {}),
    ...(isFamily ? { first_seen: context.daysAgo(20, 400) } : {}),
    ...(random.chance(0.5) ? { kill_chain_phases: [killChainPhase(context)] } : {}),
  };
}

/** A threat actor with an invented group name and STIX vocabulary attributes. */
export function buildThreatActor(context: GeneratorContext): StixObject {
  const { random } = context;
  const name = `${random.pick(ADJECTIVES)} ${random.pick(ANIMALS)} ${random.pick(GROUP_WORDS)}`;
  return {
    ...context.common('threat-actor'),
    name,
    description: 'Invented threat actor for demonstration data.',
    threat_actor_types: [random.pick(THREAT_ACTOR_TYPES)],
    ...(random.chance(0.5) ? { aliases: [`TA-${random.int(100, 999)}`] } : {}),
    first_seen: context.daysAgo(100, 1_500),
    sophistication: random.pick(SOPHISTICATION),
    resource_level: random.pick(RESOURCE_LEVELS),
    primary_motivation: random.pick(MOTIVATIONS),
  };
}

/** An intrusion set: a named cluster of activity. */
export function buildIntrusionSet(context: GeneratorContext): StixObject {
  const { random } = context;
  return {
    ...context.common('intrusion-set'),
    name: `${random.pick(ADJECTIVES)} ${random.pick(ANIMALS)}`,
    description: 'Invented cluster of activity for demonstration data.',
    ...(random.chance(0.6) ? { aliases: [`Cluster ${random.int(10, 99)}-${random.hex(2).toUpperCase()}`] } : {}),
    first_seen: context.daysAgo(60, 900),
    resource_level: random.pick(RESOURCE_LEVELS),
    primary_motivation: random.pick(MOTIVATIONS),
  };
}

/** A campaign (“Operation …”) seen over a few days in the recent past. */
export function buildCampaign(context: GeneratorContext): StixObject {
  const { random } = context;
  const firstSeen = context.daysAgo(10, 200);
  return {
    ...context.common('campaign'),
    name: `Operation ${random.pick(ADJECTIVES)} ${random.pick(OPERATION_WORDS)}`,
    description: 'Invented campaign for demonstration data.',
    first_seen: firstSeen,
    last_seen: later(firstSeen, random.int(1, 9)),
    objective: random.pick(OBJECTIVES),
  };
}

/** A technique described in everyday words, on the `mitre-attack` kill chain. */
export function buildAttackPattern(context: GeneratorContext): StixObject {
  const { random } = context;
  const name = random.pick(TECHNIQUES);
  return {
    ...context.common('attack-pattern'),
    name,
    description: `${name}, as observed in synthetic incidents.`,
    kill_chain_phases: [killChainPhase(context)],
    external_references: [{ source_name: 'thiqa-synthetic', external_id: `SYN-T${random.int(1000, 9999)}` }],
  };
}

/** A CVE-style vulnerability with a made-up number and its `cve` external reference. */
export function buildVulnerability(context: GeneratorContext): StixObject {
  const { random } = context;
  // Seven-digit sequence numbers starting with 9 sit far above the numbers real CVE records have used.
  const cve = `CVE-${new Date(context.now).getUTCFullYear()}-9${random.int(0, 999_999).toString().padStart(6, '0')}`;
  return {
    ...context.common('vulnerability'),
    name: cve,
    description: `${random.pick(FLAWS)} in a ${random.pick(PRODUCTS)} (synthetic).`,
    external_references: [{ source_name: 'cve', external_id: cve }],
  };
}

function killChainPhase(context: GeneratorContext): { kill_chain_name: string; phase_name: string } {
  return { kill_chain_name: 'mitre-attack', phase_name: context.random.pick(ATTACK_PHASES) };
}

/** The timestamp `days` days after `timestamp`. */
function later(timestamp: string, days: number): string {
  return new Date(Date.parse(timestamp) + days * 86_400_000).toISOString();
}

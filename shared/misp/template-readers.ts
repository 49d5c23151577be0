/**
 * How a MISP object template is mapped, as types, and the readers its relations' values go through (each gives
 * undefined for a value it cannot read). The templates themselves are in object-templates.ts and
 * identity-templates.ts.
 */
import type { StixRecord } from './attribute-types.ts';

/** One relation of a template: how its value is read (undefined: it cannot be), and what it gives. */
export interface RelationReader {
  gives: string;
  read: (value: string) => unknown;
  /** Every attribute of the relation is taken; otherwise only the first one that reads. */
  many?: boolean;
  /** The relation whose values these are (two relations of a template can name the same thing). */
  as?: string;
}

/** The values read, by relation. */
export type RelationValues = ReadonlyMap<string, readonly unknown[]>;

/** The observables (the one the pattern is about first) and a STIX pattern matching them. */
export interface TemplateObservation {
  objects: StixRecord[];
  pattern: string;
}

/** The properties of the one STIX domain object a template makes (an `identity` of a `person`). */
export interface TemplateDomainObject {
  type: string;
  properties: StixRecord;
}

export interface TemplateMapping {
  /** What the object becomes, for MAPPING.md. */
  becomes: string;
  relations: Readonly<Record<string, RelationReader>>;
  /** Undefined when what was read makes no STIX object (a file with neither name nor hash). */
  build: (values: RelationValues) => TemplateObservation | TemplateDomainObject | undefined;
}

export const text = (value: string) => (value === '' ? undefined : value);
export const port = (value: string) => (/^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : undefined);
export const natural = (value: string) => (/^\d{1,15}$/.test(value) ? Number(value) : undefined);
export const protocol = (value: string) => (/^[a-z0-9][a-z0-9.+-]*$/i.test(value) ? value.toLowerCase() : undefined);
export const email = (value: string) => (/^[^\s@]+@[^\s@]+$/.test(value) ? value : undefined);
export const time = (value: string) => {
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
};

export const reads = (gives: string, read: (value: string) => unknown, options: { many?: boolean; as?: string } = {}): RelationReader => ({ gives, read, ...options });
/** One observation expression: the comparisons joined by AND. */
export const observation = (comparisons: string[]) => `[${comparisons.join(' AND ')}]`;
export const first = <T>(values: RelationValues, relation: string) => values.get(relation)?.[0] as T | undefined;
export const all = <T>(values: RelationValues, relation: string) => (values.get(relation) ?? []) as T[];
export const hashPath = (name: string) => (name.includes('-') ? `'${name}'` : name);

/** The values read of `relations` (relation → property), as [property, value] pairs. */
export const pairs = <T>(values: RelationValues, relations: Readonly<Record<string, string>>) =>
  Object.entries(relations).flatMap(([relation, property]) => { const v = first<T>(values, relation); return v === undefined ? [] : [[property, v] as const]; });

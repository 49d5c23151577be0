/**
 * Where personal data may hide in a STIX object (pure): its free-text properties — `name`, `description`,
 * `abstract`, `explanation` (opinion), `content` (note), the descriptions of its external references — and
 * every string inside a custom `x_` property, at any depth. Each finding gives the JSON path and the kind,
 * never the value: a finding can go into a log or a warning shown to the user, who confirms or redacts.
 */
import { findPersonalData, type PersonalDataKind } from './personal-data.ts';

export interface ObjectFinding {
  /** JSON path of the property, e.g. `$.description`, `$.external_references[0].description`, `$.x_acme.notes[2]`. */
  path: string;
  kind: PersonalDataKind;
  scheme?: string;
  /** Offsets in the property's text. */
  start: number;
  end: number;
}

const FREE_TEXT = ['name', 'description', 'abstract', 'explanation', 'content'] as const;

/** The findings in an object's free-text fields, in the order of its properties. */
export function scanObject(object: Readonly<Record<string, unknown>>): ObjectFinding[] {
  const findings: ObjectFinding[] = [];
  const scanText = (path: string, text: unknown) => {
    if (typeof text === 'string') for (const finding of findPersonalData(text)) findings.push({ path, ...finding });
  };
  const scanAll = (path: string, value: unknown) => {
    if (typeof value === 'string') scanText(path, value);
    else if (Array.isArray(value)) value.forEach((item, i) => scanAll(`${path}[${i}]`, item));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) scanAll(`${path}.${key}`, item);
  };
  for (const [key, value] of Object.entries(object)) {
    if ((FREE_TEXT as readonly string[]).includes(key)) scanText(`$.${key}`, value);
    else if (key.startsWith('x_')) scanAll(`$.${key}`, value);
    else if (key === 'external_references' && Array.isArray(value)) {
      value.forEach((ref: unknown, i) => scanText(`$.external_references[${i}].description`, (ref as Record<string, unknown> | null)?.description));
    }
  }
  return findings;
}

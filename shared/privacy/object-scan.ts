/**
 * Where personal data may hide in a STIX object (pure): its free-text properties — `name`, `description`,
 * `abstract`, `explanation` (opinion), `content` (note), the descriptions of its external references — and
 * every string inside a custom `x_` property, at any depth (but Thiqa's recipient lists). Each finding gives the JSON path and the kind,
 * never the value: a finding can go into a log or a warning shown to the user, who confirms or redacts
 * (`redactPersonalData`).
 */
import { findPersonalData, type PersonalDataKind, type TextFinding } from './personal-data.ts';

export interface ObjectFinding {
  /** JSON path of the property, e.g. `$.description`, `$.external_references[0].description`, `$.x_acme.notes[2]`. */
  path: string;
  kind: PersonalDataKind;
  scheme?: string;
  /** Offsets in the property's text. */
  start: number;
  end: number;
}

/** What replaces each finding's span in a redacted text. */
export const REDACTION_MARKER = '[redacted]';

const FREE_TEXT = ['name', 'description', 'abstract', 'explanation', 'content'] as const;
/** Custom properties that are not text: who may read the object (user names may be e-mail addresses). */
const NOT_TEXT: ReadonlySet<string> = new Set(['x_thiqa_recipient_refs', 'x_thiqa_recipient_users']);

type Rewrite = (path: string, text: string) => string;

/**
 * The object with each scanned text passed through `rewrite` (its path and text; answering the text kept or
 * a new one), in the order of its properties. Other properties are kept as they are (the same values).
 */
function mapFreeText(object: Readonly<Record<string, unknown>>, rewrite: Rewrite): Record<string, unknown> {
  const text = (path: string, value: unknown) => (typeof value === 'string' ? rewrite(path, value) : value);
  const all = (path: string, value: unknown): unknown => {
    if (typeof value === 'string') return rewrite(path, value);
    if (Array.isArray(value)) return value.map((item, i) => all(`${path}[${i}]`, item));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, all(`${path}.${key}`, item)]));
    return value;
  };
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if ((FREE_TEXT as readonly string[]).includes(key)) result[key] = text(`$.${key}`, value);
    else if (key.startsWith('x_') && !NOT_TEXT.has(key)) result[key] = all(`$.${key}`, value);
    else if (key === 'external_references' && Array.isArray(value)) {
      result[key] = value.map((ref: unknown, i) => {
        if (ref === null || typeof ref !== 'object' || Array.isArray(ref) || !('description' in ref)) return ref;
        return { ...ref, description: text(`$.external_references[${i}].description`, (ref as Record<string, unknown>).description) };
      });
    } else result[key] = value;
  }
  return result;
}

/** The findings in an object's free-text fields, in the order of its properties. */
export function scanObject(object: Readonly<Record<string, unknown>>): ObjectFinding[] {
  const findings: ObjectFinding[] = [];
  mapFreeText(object, (path, text) => {
    for (const finding of findPersonalData(text)) findings.push({ path, ...finding });
    return text;
  });
  return findings;
}

/** `text` with each finding's span replaced by the marker (findings do not overlap). */
export function redactText(text: string, findings: readonly TextFinding[], marker = REDACTION_MARKER): string {
  let result = '';
  let at = 0;
  for (const { start, end } of [...findings].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, start) + marker;
    at = end;
  }
  return result + text.slice(at);
}

/**
 * A copy of the object in which every finding of `scanObject` is replaced by the marker, and how many were.
 * The copy is a new text for the same object: the caller validates it like any other.
 */
export function redactPersonalData(object: Readonly<Record<string, unknown>>, marker = REDACTION_MARKER): { object: Record<string, unknown>; redacted: number } {
  let redacted = 0;
  const copy = mapFreeText(object, (_path, text) => {
    const findings = findPersonalData(text);
    redacted += findings.length;
    return findings.length === 0 ? text : redactText(text, findings, marker);
  });
  return { object: copy, redacted };
}

/** The rule code a finding is reported under (problem catalogs, `shared/i18n/problems`), one per kind. */
export const PERSONAL_DATA_RULES = ['personal-data-email', 'personal-data-phone', 'personal-data-iban', 'personal-data-payment-card', 'personal-data-national-id'] as const;

/** The rule of a finding of `kind`. */
export function personalDataRule(kind: PersonalDataKind): (typeof PERSONAL_DATA_RULES)[number] {
  return `personal-data-${kind}`;
}

/**
 * What validation reports: one `Problem` per finding, with a stable rule code (documented in RULES.md), the
 * JSON path inside the object and a plain message. The severity is a property of the rule, never of the call
 * site, so one code always means the same thing to the server, the CLI and the UI.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable kebab-case code, see RULES.md. */
  rule: string;
  /** JSON path relative to the validated object; `$` is the object itself. */
  path: string;
  message: string;
  /** What a translated sentence needs beyond the path, for the rules of `RULE_PARAMS`. */
  params?: Readonly<Record<string, string | number>>;
}

/** Every rule the validator can report, with its severity. Keep in step with RULES.md (a test checks it). */
export const RULE_SEVERITY = {
  'not-an-object': 'error',
  'required-property': 'error',
  'wrong-type': 'error',
  'invalid-type-name': 'error',
  'invalid-identifier': 'error',
  'id-type-mismatch': 'error',
  'invalid-spec-version': 'error',
  'property-not-applicable': 'error',
  'sco-versioning-property': 'warning',
  'reserved-property': 'error',
  'invalid-property-name': 'error',
  'invalid-dictionary-key': 'error',
  'empty-list': 'error',
  'empty-dictionary': 'error',
  'out-of-range': 'error',
  'invalid-timestamp': 'error',
  'timestamp-precision': 'error',
  'timestamp-order': 'error',
  'invalid-hex': 'error',
  'invalid-base64': 'error',
  'invalid-format': 'error',
  'invalid-hash': 'error',
  'enum-value': 'error',
  'vocab-value': 'warning',
  'ref-type': 'error',
  'one-of-required': 'error',
  'mutually-exclusive': 'error',
  'dependent-property': 'error',
  'conditional-property': 'error',
  'external-reference-incomplete': 'error',
  'indicator-pattern-invalid': 'error',
  'granular-marking-selector': 'error',
  'circular-marking': 'error',
  'tlp-marking-mismatch': 'error',
  'invalid-extension-key': 'error',
  'extension-type-misuse': 'error',
  'deprecated-custom-extension': 'warning',
  'unprefixed-custom-type': 'warning',
  'sco-id-mismatch': 'warning',
  'bundle-type': 'error',
  'bundle-spec-version': 'warning',
  'internal-error': 'error',
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULE_SEVERITY;

/** True when at least one problem is an error (warnings never block ingest). */
export function hasErrors(problems: readonly Problem[]): boolean {
  for (const problem of problems) if (problem.severity === 'error') return true;
  return false;
}

/**
 * The parameters a rule's problems carry beyond the path, which every catalog sentence of the rule names:
 * a pattern's error says where it is (line and column of the pattern text), what was expected there (tokens
 * and codes, space-separated, that shared/i18n/pattern-expectations.ts says in words) and what was found.
 */
export const RULE_PARAMS: Readonly<Partial<Record<RuleCode, readonly string[]>>> = {
  'indicator-pattern-invalid': ['column', 'expected', 'found', 'line'],
};

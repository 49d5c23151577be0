/**
 * Personal data in what an export writes (pure): the objects holding findings counted by kind as they go by,
 * each redacted on request, so an exporter can warn with the count at the end of a streamed file (or write
 * it redacted) without holding the export. Findings as `scanObject` gives them; values never kept.
 */
import type { PersonalDataKind } from './personal-data.ts';
import { redactPersonalData, scanObject } from './object-scan.ts';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class PersonalDataTally {
  /** Objects with at least one finding. */
  objects = 0;
  /** Findings by kind. */
  readonly kinds = new Map<PersonalDataKind, number>();
  /** Findings replaced by the marker (with `redact`). */
  redacted = 0;
  private readonly redact: boolean;

  constructor(options: { redact?: boolean } = {}) {
    this.redact = options.redact === true;
  }

  /** Counts an object's findings; answers the object, or its redacted copy when redacting. */
  take(object: Record<string, unknown>): Record<string, unknown> {
    const findings = scanObject(object);
    if (findings.length === 0) return object;
    this.objects++;
    for (const { kind } of findings) this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    if (!this.redact) return object;
    const copy = redactPersonalData(object);
    this.redacted += copy.redacted;
    return copy.object;
  }

  /** `take` for an object as UTF-8 JSON: the same bytes when nothing changes. */
  takeBody(body: Uint8Array): Uint8Array {
    const object = JSON.parse(decoder.decode(body)) as Record<string, unknown>;
    const taken = this.take(object);
    return taken === object ? body : encoder.encode(JSON.stringify(taken));
  }

  /** The kinds found with their counts, `email 2, phone 1` (sorted by kind); '' when none. */
  summary(): string {
    return [...this.kinds].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `${kind} ${n}`).join(', ');
  }
}

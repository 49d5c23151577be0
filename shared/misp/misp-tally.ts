/** What an import made of MISP content: counts per STIX type, and what it did not map, by kind, with examples. */

export type UnmappedKind = 'attribute-type' | 'attribute-value' | 'object-template' | 'object-reference' | 'field';

export interface UnmappedEntry {
  kind: UnmappedKind;
  /** The attribute type, object template name, reference's relationship type or field (`Event.analysis`, `Attribute.category`). */
  name: string;
  count: number;
  /** Up to three: the uuid (and value) of what was kept in `x_misp` rather than mapped. */
  examples: string[];
}

const EXAMPLES = 3;

export class Tally {
  events = 0;
  attributes = 0;
  /** STIX objects made, by type (an SCO made by two attributes counts twice). */
  readonly stix: Record<string, number> = {};
  // By kind, then name: no key to build per call (this runs for several fields of every attribute).
  private readonly entries = new Map<UnmappedKind, Map<string, UnmappedEntry>>();

  mapped(type: string): void {
    this.stix[type] = (this.stix[type] ?? 0) + 1;
  }

  unmapped(kind: UnmappedKind, name: string, example: string): void {
    let byName = this.entries.get(kind);
    if (!byName) this.entries.set(kind, (byName = new Map()));
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { kind, name, count: 0, examples: [] }));
    entry.count++;
    if (entry.examples.length < EXAMPLES) entry.examples.push(example);
  }

  /** Everything not mapped, by kind then name. */
  unmappedEntries(): UnmappedEntry[] {
    return [...this.entries.values()].flatMap((byName) => [...byName.values()]).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  }
}

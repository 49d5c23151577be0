/**
 * The terms of a run remembered: a record's texts repeat their words (titles and summaries of one kind of
 * record share most of theirs), and a run's terms depend on the run alone, so each distinct run is worked out
 * once. A bulk import of 100,000 records meets some 1.6 million runs but only tens of thousands of distinct
 * ones. The memory is bounded: past `RUNS_REMEMBERED` runs it starts again.
 */

export const RUNS_REMEMBERED = 50_000;

/** `compute`'s terms of a run (what it adds to an empty set, in that order), remembered by run. */
export class RunTerms {
  private readonly known = new Map<string, readonly string[]>();
  private readonly compute: (run: string, out: Set<string>) => void;

  constructor(compute: (run: string, out: Set<string>) => void) {
    this.compute = compute;
  }

  /** Adds the terms of `run` to `out`, as `compute(run, out)` would. */
  addTo(run: string, out: Set<string>): void {
    for (const term of this.of(run)) out.add(term);
  }

  /** The terms of `run`, in the order `compute` adds them. */
  of(run: string): readonly string[] {
    let terms = this.known.get(run);
    if (terms === undefined) {
      const own = new Set<string>();
      this.compute(run, own);
      terms = [...own];
      this.remember(run, terms);
    }
    return terms;
  }

  /** Whether the terms of `run` are known. */
  has(run: string): boolean {
    return this.known.has(run);
  }

  /** Keeps `terms` as those of `run` (worked out elsewhere, as for Han runs segmented together). */
  remember(run: string, terms: readonly string[]): void {
    if (this.known.size >= RUNS_REMEMBERED) this.known.clear();
    this.known.set(run, terms);
  }
}

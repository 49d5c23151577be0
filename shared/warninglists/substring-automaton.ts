/**
 * Which entries occur inside a value, for `substring` lists: an Aho–Corasick automaton over every entry of
 * every such list, so a lookup is one pass over the value whatever the number of entries (thousands in
 * `disposable-email`). Case-sensitive, as MISP's `str_contains`.
 */

export class SubstringAutomaton {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Entries ending at a node: [entry text, its lists]. */
  private readonly out: ([string, readonly number[]] | undefined)[] = [undefined];
  /** The nearest node down the fail chain that has an output (-1: none). */
  private readonly outLink: number[] = [-1];

  /** `entries` maps each entry's text to the lists that hold it. */
  constructor(entries: ReadonlyMap<string, readonly number[]>) {
    for (const [text, lists] of entries) {
      if (text === '') continue;
      let node = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let child = this.next[node]!.get(c);
        if (child === undefined) {
          child = this.next.push(new Map()) - 1;
          this.fail.push(0);
          this.out.push(undefined);
          this.outLink.push(-1);
          this.next[node]!.set(c, child);
        }
        node = child;
      }
      this.out[node] = [text, lists];
    }
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [c, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const failNode = this.fail[child]!;
        this.outLink[child] = this.out[failNode] ? failNode : this.outLink[failNode]!;
        queue.push(child);
      }
    }
  }

  /** Each entry found in `value` with its lists (an entry once, however often it occurs). */
  find(value: string): [string, readonly number[]][] {
    const found = new Map<string, readonly number[]>();
    let node = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      while (node !== 0 && !this.next[node]!.has(c)) node = this.fail[node]!;
      node = this.next[node]!.get(c) ?? 0;
      for (let o = this.out[node] ? node : this.outLink[node]!; o > 0; o = this.outLink[o]!) {
        const [text, lists] = this.out[o]!;
        found.set(text, lists);
      }
    }
    return [...found];
  }
}

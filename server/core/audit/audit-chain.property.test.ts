// For any chain and any single tampering operation, verification fails; untouched, it passes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, verifyEntries, type AuditEntry, type ChainHead } from './audit-chain.ts';

const event = fc.record({
  at: fc.integer({ min: 0, max: 2 ** 45 }),
  actor: fc.oneof(fc.constant('system'), fc.constant('anonymous'), fc.uuid().map((id) => `user:${id}`), fc.string({ maxLength: 20 })),
  action: fc.constantFrom('auth.sign_in', 'auth.sign_in_failed', 'token.create', 'objects.add', 'collection.grant'),
  target: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
  details: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean())).map((d) => JSON.stringify(d)),
});

type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;

function chainOf(events: readonly Event[]): { entries: AuditEntry[]; head: ChainHead } {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const entry = { seq: i + 1, ...e, organisationId: null, prevHash };
    const hash = hashEntry(entry);
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return { entries, head: { seq: entries.length, hash: prevHash } };
}

type Tamper =
  | { kind: 'edit'; index: number; field: 'at' | 'actor' | 'action' | 'target' | 'details' | 'prevHash' | 'hash' | 'seq' }
  | { kind: 'delete'; index: number }
  | { kind: 'swap'; index: number; other: number }
  | { kind: 'truncate'; count: number };

const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    index: fc.nat(),
    field: fc.constantFrom('at' as const, 'actor' as const, 'action' as const, 'target' as const, 'details' as const, 'prevHash' as const, 'hash' as const, 'seq' as const),
  }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), index: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), count: fc.integer({ min: 1, max: 40 }) }),
);

function apply(entries: AuditEntry[], op: Tamper): AuditEntry[] {
  const n = entries.length;
  const copy = entries.map((e) => ({ ...e }));
  if (op.kind === 'truncate') return copy.slice(0, Math.max(0, n - Math.min(op.count, n)));
  const i = op.index % n;
  if (op.kind === 'delete') return copy.filter((_, k) => k !== i);
  if (op.kind === 'swap') {
    // Two distinct entries exchange their positions (their seq values).
    const j = (i + 1 + (op.other % (n - 1))) % n;
    [copy[i]!.seq, copy[j]!.seq] = [copy[j]!.seq, copy[i]!.seq];
    return copy;
  }
  const e = copy[i]!;
  if (op.field === 'at') e.at += 1;
  else if (op.field === 'seq') e.seq += n; // moved beyond the end
  else if (op.field === 'target') e.target = e.target === null ? '' : null;
  else e[op.field] = `${e[op.field]}x`;
  return copy;
}

describe('audit chain (property)', () => {
  it('verifies any untouched chain', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const { entries, head } = chainOf(events);
        expect(verifyEntries(entries, head)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('detects any single edit, deletion, reordering or truncation (head left as it was)', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 2, maxLength: 30 }), tamper, (events, op) => {
        const { entries, head } = chainOf(events);
        expect(verifyEntries(apply(entries, op), head)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The hash chain of the audit log, pure: how an entry is hashed, and a walker that checks entries one by one
 * in `seq` order (so a log of millions is verified page by page) and names the first place the chain breaks.
 *
 * `hash = SHA-256 hex of canonicalJson({ seq, at, actor, action, target, details, organisation_id, prev_hash })`
 * (RFC 8785 canonical JSON, so any implementation can recompute it). `details` enters as the stored JSON text,
 * so any change to it, even one that keeps its meaning, breaks the hash.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/stix/index.ts';

/** `prev_hash` of entry 1, and the head hash of an empty log. */
export const GENESIS_HASH = '0'.repeat(64);

/** An entry as stored and exported. */
export interface AuditEntry {
  /** 1, 2, 3…, without gaps. */
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  /** `user:<id>`, `system`, `anonymous`, or the attempted user name of a failed sign-in. */
  actor: string;
  /** Stable code, such as `auth.sign_in` or `objects.add`. */
  action: string;
  /** Id of what the action was on, or null. */
  target: string | null;
  /** Canonical JSON text of a small object. */
  details: string;
  /** Always null until organisations exist (a later slice fills it). */
  organisationId: string | null;
  prevHash: string;
  hash: string;
}

/** The newest entry, as recorded in `audit_head` or reached by a walk. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export type ProblemKind = 'hash_mismatch' | 'broken_link' | 'gap' | 'head_mismatch' | 'reordered';

export interface AuditProblem {
  seq: number;
  kind: ProblemKind;
  message: string;
}

/** The hash an entry must carry, from its other fields. */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const text = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    details: entry.details,
    organisation_id: entry.organisationId,
    prev_hash: entry.prevHash,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** True when `entry` is intact but was written as entry `originalSeq` (it has been moved). */
export function wasWrittenAs(entry: AuditEntry, originalSeq: number): boolean {
  return originalSeq !== entry.seq && hashEntry({ ...entry, seq: originalSeq }) === entry.hash;
}

/**
 * Checks a chain fed in `seq` order. `next` answers the first problem at that entry (the walk should stop
 * there); `end` compares where the walk ended with the stored head and, optionally, an anchor recorded earlier.
 */
export class ChainWalker {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private count = 0;
  private readonly expectHead: ChainHead | undefined;
  /** Hash of the entry at `expectHead.seq`, once the walk passes it. */
  private anchorHash: string | undefined;

  /** `expectHead`: an anchor (seq and hash) recorded earlier, outside the database. */
  constructor(expectHead?: ChainHead) {
    this.expectHead = expectHead;
  }

  /** Entries accepted so far. */
  get entries(): number {
    return this.count;
  }

  /** Where the intact chain ends so far. */
  get reached(): ChainHead {
    return { seq: this.expectedSeq - 1, hash: this.prevHash };
  }

  next(entry: AuditEntry): AuditProblem | undefined {
    if (entry.seq !== this.expectedSeq) {
      const missing = entry.seq > this.expectedSeq ? `entries ${this.expectedSeq}–${entry.seq - 1} are missing` : 'entries are out of order';
      return { seq: this.expectedSeq, kind: 'gap', message: `expected entry ${this.expectedSeq}, found ${entry.seq}: ${missing}` };
    }
    const selfConsistent = hashEntry(entry) === entry.hash;
    const linked = entry.prevHash === this.prevHash;
    if (!selfConsistent) {
      return {
        seq: entry.seq,
        kind: 'hash_mismatch',
        message: `entry ${entry.seq} (${entry.action} by ${entry.actor}) does not match its hash: it was edited`,
      };
    }
    if (!linked) {
      return {
        seq: entry.seq,
        kind: 'broken_link',
        message: `entry ${entry.seq} does not point at entry ${entry.seq - 1}: entries were removed or rewritten before it`,
      };
    }
    if (entry.seq === this.expectHead?.seq) this.anchorHash = entry.hash;
    this.expectedSeq += 1;
    this.prevHash = entry.hash;
    this.count += 1;
    return undefined;
  }

  end(head: ChainHead): AuditProblem | undefined {
    const reached = this.reached;
    if (head.seq !== reached.seq || head.hash !== reached.hash) {
      const why = head.seq > reached.seq ? `the newest ${head.seq - reached.seq} entries were removed` : 'the head record was altered';
      return {
        seq: reached.seq,
        kind: 'head_mismatch',
        message: `the log ends at entry ${reached.seq} but its head record says ${head.seq}: ${why}`,
      };
    }
    const expectHead = this.expectHead;
    if (!expectHead) return undefined;
    const found = expectHead.seq === 0 ? GENESIS_HASH : this.anchorHash;
    if (expectHead.seq > reached.seq) {
      return {
        seq: reached.seq,
        kind: 'head_mismatch',
        message: `the log ends at entry ${reached.seq}, before the expected head ${expectHead.seq}: entries were removed and the head rewound`,
      };
    }
    if (found !== expectHead.hash) {
      return {
        seq: expectHead.seq,
        kind: 'head_mismatch',
        message: `entry ${expectHead.seq} has hash ${found ?? 'unknown'}, not the expected ${expectHead.hash}: the log was rewritten`,
      };
    }
    return undefined;
  }
}

/** Verifies entries held in memory (the service streams instead; this serves tests and small logs). */
export function verifyEntries(entries: readonly AuditEntry[], head: ChainHead): AuditProblem | undefined {
  const walker = new ChainWalker();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const problem = walker.next(entry);
    if (problem) return problem;
  }
  return walker.end(head);
}

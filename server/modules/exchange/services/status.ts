/** The outcome of adding objects, as a TAXII status resource describes it. */
import { formatKey } from '../../../../shared/stix/timestamp.ts';
import { describeProblems, type Rejection } from './object-ingest.ts';
import type { Problem } from '../../../../shared/stix/index.ts';

export interface IngestResult {
  stored: { id: string; version: string; dateAdded: number }[];
  duplicates: { id: string; version: string }[];
  rejected: Rejection[];
  warnings: Map<number, Problem[]>;
  /** Every object that passed validation and sharing, by index in the request, and whether it was stored (else a duplicate). */
  accepted: { index: number; id: string; stored: boolean }[];
}

export interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}

export interface AddStatus {
  id: string;
  status: 'complete' | 'pending';
  /** Microseconds since the epoch. */
  requestTimestamp: number;
  totalCount: number;
  successes: StatusDetail[];
  failures: StatusDetail[];
  pendings: StatusDetail[];
}

const versionText = (key: string) => (key === '' ? '' : formatKey(key));

export function statusOf(id: string, requestTimestamp: number, totalCount: number, result: IngestResult): AddStatus {
  return {
    id,
    status: 'complete',
    requestTimestamp,
    totalCount,
    successes: [
      ...result.stored.map((s) => ({ id: s.id, version: versionText(s.version) })),
      ...result.duplicates.map((d) => ({ id: d.id, version: versionText(d.version), message: 'already stored: this id and version exist in the collection' })),
    ],
    failures: result.rejected.map((r) => ({
      id: r.id ?? `objects[${r.index}]`,
      version: r.version ?? '',
      message: `objects[${r.index}]: ${describeProblems(r.problems)}`,
    })),
    pendings: [],
  };
}

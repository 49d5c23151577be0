/**
 * MISP warning lists: imported, listed, enabled or disabled, and the index of the enabled ones, which says
 * which lists a value is on (`shared/warninglists/warninglist-index.ts`).
 *
 * - Import (`warninglists.manage`: platform administrators, the operator): each `list.json` on its own; a list
 *   new by its `name` is stored enabled, a newer `version` replaces the stored one (keeping whether it is
 *   enabled), an older or equal one is `unchanged`, a file that is not a list is `refused` with its problems.
 *   Entries a list cannot use are skipped and reported. Each list stored is one transaction with its audit
 *   entry (`warninglists.import`).
 * - The index is kept in memory, built from the enabled lists when first asked for and again after they
 *   change: at once after a change made here, and within `REFRESH_MS` of one made by another process (the
 *   `warninglists_clock` row is read at most once per `REFRESH_MS`, one indexed row; a rebuild reads the
 *   enabled lists whole, 1 to 3 s for the 136 MISP lists). `check` waits for it; the object reads
 *   (`flagsOf`) answer from the index in hand while a newer one is built after another process's change.
 * - For the exports (the defenders' feeds, the lead wires them): `isListed(kind, value)` and `hits(kind,
 *   value)` answer from the index as it is (call `ready()` first, once per export, to bring it up to date);
 *   `flagsOf(objects)` gives each object's hits, for the web UI's object endpoints (the Exchange module's
 *   `WarningFlags` port).
 */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import { can } from '../../../core/roles/roles.ts';
import type { PatternValueKind } from '../../../../shared/stix/pattern-values.ts';
import { objectValues } from '../../../../shared/warninglists/object-values.ts';
import { readWarningList, type WarningListProblem } from '../../../../shared/warninglists/warninglist-file.ts';
import { WarningListIndex, type WarningListHit } from '../../../../shared/warninglists/warninglist-index.ts';
import type { StoredListSummary, WarningListRepository } from '../repositories/warninglist.repository.ts';

export type { StoredListSummary };

/** How long the index is trusted before the clock is read again (another process may have changed the lists). */
export const REFRESH_MS = 5_000;

export type ImportOutcome = 'imported' | 'updated' | 'unchanged' | 'refused';

/** What became of one file. */
export interface ListImport {
  file: string;
  outcome: ImportOutcome;
  /** The list's name; null when refused before it was read. */
  name: string | null;
  version: number | null;
  /** The version stored before: null when there was none; for `unchanged`, the one kept. */
  previousVersion: number | null;
  entries: number;
  /** Entries left out (each with why). */
  skipped: WarningListProblem[];
  /** Why the file was refused. */
  problems: WarningListProblem[];
}

export interface ListFile {
  /** How the file is named in the report and problems (e.g. `rfc1918/list.json`). */
  file: string;
  content: string | Uint8Array;
}

export const mayManage = (actor: Actor) => can(actor, 'warninglists.manage');

export class WarningListService {
  private readonly lists: WarningListRepository;
  private readonly audit: AuditLog;
  private readonly now: () => number;
  private current: { index: WarningListIndex; clock: number; checkedAt: number } | undefined;
  private pending: Promise<WarningListIndex> | undefined;

  constructor(lists: WarningListRepository, audit: AuditLog, now: () => number = Date.now) {
    this.lists = lists;
    this.audit = audit;
    this.now = now;
  }

  /**
   * Imports list files, each on its own (see the module's note); never throws for a file's content.
   * @throws DomainError `forbidden` `warninglists.manage_forbidden`.
   */
  async import(actor: Actor, files: readonly ListFile[]): Promise<ListImport[]> {
    this.requireManage(actor);
    const by = actor.kind === 'user' ? actor.userId : actor.kind;
    const results: ListImport[] = [];
    for (const { file, content } of files) {
      const read = readWarningList(content, file);
      if (!read.ok) {
        results.push({ file, outcome: 'refused', name: null, version: null, previousVersion: null, entries: 0, skipped: [], problems: read.problems });
        continue;
      }
      const { list, skipped } = read;
      const hook = this.audit.within<number | null>(actor, (previous) => ({
        action: 'warninglists.import',
        target: list.name,
        details: { file, version: list.version, previous_version: previous, type: list.type, entries: list.entries.length, skipped: skipped.length },
      }));
      const stored = await this.lists.store(list, this.now(), by, hook);
      const base = { file, name: list.name, version: list.version, entries: list.entries.length, skipped, problems: [] };
      if (stored === 'unchanged') {
        results.push({ ...base, outcome: 'unchanged', previousVersion: (await this.lists.find(list.name))?.version ?? null });
      } else {
        this.current = undefined;
        results.push({ ...base, outcome: stored === null ? 'imported' : 'updated', previousVersion: stored });
      }
    }
    return results;
  }

  /** Every stored list, by name (any signed-in user; the lists are public MISP data). */
  async list(): Promise<StoredListSummary[]> {
    return this.lists.list();
  }

  /**
   * Enables or disables a list (audited `warninglists.enable` / `warninglists.disable` when it changes).
   * @throws DomainError `forbidden` `warninglists.manage_forbidden`; `not_found` `warninglists.not_found`.
   */
  async setEnabled(actor: Actor, name: string, enabled: boolean): Promise<StoredListSummary> {
    this.requireManage(actor);
    const hook = this.audit.within<StoredListSummary>(actor, { action: enabled ? 'warninglists.enable' : 'warninglists.disable', target: name });
    const list = await this.lists.setEnabled(name, enabled, hook);
    if (!list) throw notFound('warninglists.not_found', `there is no warning list named "${name}"`, { name });
    this.current = undefined;
    return list;
  }

  /** The index of the enabled lists, up to date within `REFRESH_MS` (see the module's note). */
  async ready(): Promise<WarningListIndex> {
    const current = this.current;
    if (current && this.now() - current.checkedAt < REFRESH_MS) return current.index;
    if (this.pending) return this.pending;
    this.pending = (async () => {
      try {
        const clock = await this.lists.clock();
        if (current && current.clock === clock && this.current === current) {
          current.checkedAt = this.now();
          return current.index;
        }
        const read = await this.lists.enabled();
        const index = new WarningListIndex(read.lists);
        this.current = { index, clock: read.clock, checkedAt: this.now() };
        return index;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /** The lists a value is on, brought up to date first. */
  async check(kind: PatternValueKind, value: string, hashAlgorithm?: string): Promise<WarningListHit[]> {
    return (await this.ready()).hits(kind, value, hashAlgorithm);
  }

  /** The lists a value is on, from the index as it is (empty before `ready` was first awaited). For exports. */
  hits(kind: PatternValueKind, value: string, hashAlgorithm?: string): WarningListHit[] {
    return this.current?.index.hits(kind, value, hashAlgorithm) ?? [];
  }

  /** Whether a value is on an enabled list, from the index as it is (see `hits`). For exports. */
  isListed(kind: PatternValueKind, value: string, hashAlgorithm?: string): boolean {
    return this.hits(kind, value, hashAlgorithm).length > 0;
  }

  /**
   * Each object's hits (its observable value, or its indicator pattern's values), in order. Reads never wait
   * for another process's change: the index in hand answers while the newer one is built (a change made in
   * this process, or the first read, is waited for).
   */
  async flagsOf(objects: readonly Readonly<Record<string, unknown>>[]): Promise<WarningListHit[][]> {
    const index = await this.usable();
    if (index.size === 0) return objects.map(() => []);
    return objects.map((object) => index.hitsOf(objectValues(object)));
  }

  /** The index in hand, bringing it up to date in the background when due; the first one is waited for. */
  private async usable(): Promise<WarningListIndex> {
    const current = this.current;
    if (!current) return this.ready();
    if (this.now() - current.checkedAt >= REFRESH_MS && !this.pending) {
      // A failed refresh leaves the index in hand; the next read tries again.
      this.ready().catch(() => undefined);
    }
    return current.index;
  }

  private requireManage(actor: Actor): void {
    if (!mayManage(actor)) throw forbidden('warninglists.manage_forbidden', 'only platform administrators import, enable or disable warning lists', {});
  }
}

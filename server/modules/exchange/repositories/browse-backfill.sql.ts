/**
 * `exchange-0004-browse`: the columns the web UI searches and links objects by (see shared/stix/browse-facts.ts),
 * and their values for the versions stored before. The values are computed in code, a page of rows at a time,
 * because lower-casing and normalising text in SQL differ between SQLite and PostgreSQL. Versions whose
 * properties are restricted by granular markings leave those properties out, as at ingest.
 */
import type { Queryable } from '../../../core/db/database.ts';
import { browseFactsOf } from '../../../../shared/stix/browse-facts.ts';

const PAGE = 1_000;
const decoder = new TextDecoder();

interface BodyRow {
  date_added: number;
  body: Uint8Array;
  redactions: string | null;
}

/** The statements of the migration. */
export const BROWSE_COLUMNS = [
  'ALTER TABLE stix_objects ADD COLUMN name TEXT',
  'ALTER TABLE stix_objects ADD COLUMN search_text TEXT',
  'ALTER TABLE stix_objects ADD COLUMN rel_source TEXT',
  'ALTER TABLE stix_objects ADD COLUMN rel_target TEXT',
  // Partial: most objects are no relationship, and an entry per row would cost every insert twice more.
  // `rel_source = ?` implies IS NOT NULL, so both planners use them for the lookups.
  'CREATE INDEX stix_objects_rel_source ON stix_objects (collection_seq, rel_source) WHERE rel_source IS NOT NULL',
  'CREATE INDEX stix_objects_rel_target ON stix_objects (collection_seq, rel_target) WHERE rel_target IS NOT NULL',
];

/** Fills the browse columns of every stored version. */
export async function backfillBrowseColumns(tx: Queryable): Promise<void> {
  let after = -1;
  for (;;) {
    const rows = await tx.all<BodyRow>('SELECT date_added, body, redactions FROM stix_objects WHERE date_added > ? ORDER BY date_added LIMIT ?', [after, PAGE]);
    if (rows.length === 0) return;
    const facts = rows.map((row) => {
      const hidden = new Set(row.redactions ? (JSON.parse(row.redactions) as [string, number][]).map(([property]) => property) : []);
      let object: Record<string, unknown> = {};
      try {
        object = JSON.parse(decoder.decode(row.body)) as Record<string, unknown>;
      } catch {
        // A body is stored as validated JSON; should one be damaged, it is simply not searchable.
      }
      return { dateAdded: Number(row.date_added), ...browseFactsOf(object, hidden) };
    });
    if (tx.dialect === 'postgres') {
      await tx.run(
        `UPDATE stix_objects SET name = f.name, search_text = f.search_text, rel_source = f.rel_source, rel_target = f.rel_target
           FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) AS f (date_added, name, search_text, rel_source, rel_target)
          WHERE stix_objects.date_added = f.date_added`,
        [facts.map((f) => f.dateAdded), facts.map((f) => f.name), facts.map((f) => f.searchText), facts.map((f) => f.relSource), facts.map((f) => f.relTarget)],
      );
    } else {
      for (const f of facts) {
        await tx.run('UPDATE stix_objects SET name = ?, search_text = ?, rel_source = ?, rel_target = ? WHERE date_added = ?', [f.name, f.searchText, f.relSource, f.relTarget, f.dateAdded]);
      }
    }
    after = facts[facts.length - 1]!.dateAdded;
  }
}

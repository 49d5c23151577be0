/**
 * What the web UI searches and links objects by, read from the object alone (pure, so the import worker and a
 * migration compute it the same way): a display name, the lower-cased text a free-text search looks in, and
 * the two ends of a relationship or sighting.
 *
 * - `name`: the object's `name`, else `value` (SCOs such as domain-name, ipv4-addr, url have one), else null;
 *   at most 300 characters.
 * - `searchText`: NFC, lower-cased in JavaScript (SQL `lower()` folds non-ASCII letters on PostgreSQL only)
 *   name and description, at most 2,000 characters; null when both are absent.
 * - `relSource` / `relTarget`: a `relationship`'s `source_ref` / `target_ref`; a `sighting`'s first
 *   `where_sighted_refs` (who saw it; null without one) / `sighting_of_ref` (what was seen), so a sighted
 *   object lists its sightings as incoming; null for every other type.
 *
 * `hidden` names top-level properties left out (those a granular marking restricts beyond the object's own
 * level), so nothing a reader may not see can be found by searching for it.
 */

export const NAME_MAX = 300;
export const SEARCH_TEXT_MAX = 2_000;

export interface BrowseFacts {
  name: string | null;
  searchText: string | null;
  relSource: string | null;
  relTarget: string | null;
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The browse facts of a STIX object (see the module comment). */
export function browseFactsOf(object: Readonly<Record<string, unknown>>, hidden: ReadonlySet<string> = new Set()): BrowseFacts {
  const visible = (property: string) => (hidden.has(property) ? undefined : object[property]);
  const fullName = textOf(visible('name')) ?? textOf(visible('value'));
  const description = textOf(visible('description'));
  const words = [fullName, description].filter((t): t is string => t !== undefined).join(' ');
  let relSource: string | null = null;
  let relTarget: string | null = null;
  if (object.type === 'relationship') {
    relSource = textOf(visible('source_ref')) ?? null;
    relTarget = textOf(visible('target_ref')) ?? null;
  } else if (object.type === 'sighting') {
    const where = visible('where_sighted_refs');
    relSource = (Array.isArray(where) ? textOf(where[0]) : undefined) ?? null;
    relTarget = textOf(visible('sighting_of_ref')) ?? null;
  }
  return {
    name: fullName === undefined ? null : fullName.slice(0, NAME_MAX),
    searchText: words === '' ? null : words.normalize('NFC').toLowerCase().slice(0, SEARCH_TEXT_MAX),
    relSource,
    relTarget,
  };
}

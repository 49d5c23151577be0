/** The sighting form's fields and what it sends to `POST …/indicators/{id}/sightings`. */

export interface SightingForm {
  count: string;
  firstSeen: string;
  lastSeen: string;
  anonymous: boolean;
}

export const EMPTY: SightingForm = { count: '1', firstSeen: '', lastSeen: '', anonymous: false };

/** A `datetime-local` value read as UTC (the form says so), as the server's timestamp. */
const utc = (local: string) => (local === '' ? undefined : `${local.length === 16 ? `${local}:00` : local}Z`);

/** What the form sends: only the fields filled in. */
export function sightingBody(form: SightingForm): Record<string, unknown> {
  const body: Record<string, unknown> = { count: Number(form.count) };
  const first = utc(form.firstSeen);
  const last = utc(form.lastSeen);
  if (first) body.first_seen = first;
  if (last) body.last_seen = last;
  if (form.anonymous) body.anonymous = true;
  return body;
}

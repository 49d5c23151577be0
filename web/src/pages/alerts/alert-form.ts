/**
 * The subscription form's rules, pure: what its controls send (lists typed with commas or one per line,
 * only the target its channel needs, the secret only when one is typed) and which control a refusal of
 * the server belongs beside (the error's `params.field`, else the form's top).
 */
import type { ApiError } from '../../api/client.ts';
import type { AlertChannel, AlertTlpCeiling } from '../../api/alert-types.ts';

export interface SubscriptionDraft {
  name: string;
  channel: AlertChannel;
  url: string;
  secret: string;
  email: string;
  digest: boolean;
  communities: string[];
  collections: string[];
  types: string;
  labels: string;
  maxTlp: AlertTlpCeiling;
  watch: string;
}

/** The form's controls that the server may name in `params.field`. */
export const DRAFT_FIELDS = ['name', 'channel', 'url', 'secret', 'email', 'communities', 'collections', 'types', 'labels', 'max_tlp', 'watch'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export const emptyDraft = (): SubscriptionDraft => ({
  name: '',
  channel: 'in-app',
  url: '',
  secret: '',
  email: '',
  digest: false,
  communities: [],
  collections: [],
  types: '',
  labels: '',
  maxTlp: 'amber+strict',
  watch: '',
});

/** Values typed in one box: split at commas (`types`, `labels`) or only at line ends (`watch`, whose values may hold commas), trimmed, empty ones left out. */
export function splitValues(text: string, commas = true): string[] {
  return text
    .split(commas ? /[,\n،、，]/ : /\n/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** The body of POST /alerts/subscriptions for a draft. */
export function subscriptionBody(draft: SubscriptionDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { channel: draft.channel, max_tlp: draft.maxTlp, digest: draft.digest };
  if (draft.name.trim() !== '') body.name = draft.name.trim();
  if (draft.channel === 'webhook') {
    body.url = draft.url.trim();
    if (draft.secret !== '') body.secret = draft.secret;
  }
  if (draft.channel === 'email') body.email = draft.email.trim();
  const lists = { communities: draft.communities, collections: draft.collections, types: splitValues(draft.types), labels: splitValues(draft.labels), watch: splitValues(draft.watch, false) };
  for (const [field, values] of Object.entries(lists)) if (values.length > 0) body[field] = values;
  return body;
}

/** The control a refusal belongs beside, or undefined for one shown at the form's top. */
export function fieldOfError(error: ApiError | undefined): DraftField | undefined {
  const field = error?.params.field;
  return typeof field === 'string' && (DRAFT_FIELDS as readonly string[]).includes(field) ? (field as DraftField) : undefined;
}

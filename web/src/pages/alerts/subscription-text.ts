/** What a subscription matches, said in the reader's language: each filter it has, else "everything you may read". */
import type { TFunction } from 'i18next';
import type { AlertSubscription } from '../../api/alert-types.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../i18n/i18n.ts';

/** The filters of `subscription` as short sentences; collections and communities by name when known. */
export function filterTexts(t: TFunction, language: Language, subscription: AlertSubscription, names: ReadonlyMap<string, string>): string[] {
  // "a, b or c": an object matches a filter by any one of its values. Each value isolated (FSI … PDI), in its own direction.
  const or = new Intl.ListFormat(language, { style: 'long', type: 'disjunction' });
  const list = (values: readonly string[]) => or.format(values.map((v) => `\u2068${names.get(v) ?? v}\u2069`));
  const parts: string[] = [];
  if (subscription.communities.length > 0) parts.push(t('alerts.filter_communities', { values: list(subscription.communities) }));
  if (subscription.collections.length > 0) parts.push(t('alerts.filter_collections', { values: list(subscription.collections) }));
  if (subscription.types.length > 0) parts.push(t('alerts.filter_types', { values: list(subscription.types) }));
  if (subscription.labels.length > 0) parts.push(t('alerts.filter_labels', { values: list(subscription.labels) }));
  if (subscription.watch.length > 0) parts.push(t('alerts.filter_watch', { count: subscription.watch.length, formatted: formatNumber(language, subscription.watch.length) }));
  if (parts.length === 0) parts.push(t('alerts.filter_everything'));
  parts.push(t('alerts.filter_ceiling', { tlp: `\u2066TLP:${subscription.max_tlp.toUpperCase()}\u2069` }));
  return parts;
}

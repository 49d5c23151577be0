/**
 * Feeds of the newest published records: JSON Feed 1.1 (https://jsonfeed.org/version/1.1) and Atom 1.0
 * (RFC 4287). A feed is read in one language (`lang`): each entry's title and text in it where the record has
 * it, else in English, else in the record's first language, and says which (`language`, `xml:lang`). The
 * record's title and summary in every language it is written in come too: in the JSON item's `_thiqa`
 * extension, and in the Atom entry's XHTML content, one block per language with its `xml:lang` and direction.
 * Entries are identified by `urn:uuid:<record id>`, link to the record's source and to its REST address, and
 * carry the type, countries and GCA pillars as tags (categories).
 */
import { isoTime } from '../../../core/admin/presenters/organisation.presenter.ts';
import { recordCountries, recordLanguages } from '../../../../shared/gateway/record-index.ts';
import type { MultilingualText } from '../../../../shared/gateway/record-types.ts';
import { directionOf, LANGUAGES, type Language } from '../../../../shared/i18n/languages.ts';
import type { StoredRecord } from '../services/record.service.ts';

/** The feed's title in each language. */
const FEED_TITLE: Readonly<Record<Language, string>> = {
  ar: 'بوابة ثقة: أحدث السجلات المنشورة',
  zh: 'Thiqa 门户：最新发布的记录',
  en: 'Thiqa Gateway: newly published records',
  fr: 'Passerelle Thiqa : derniers enregistrements publiés',
  ru: 'Шлюз Thiqa: недавно опубликованные записи',
  es: 'Pasarela Thiqa: registros publicados recientemente',
};

/** Where the feed lives: the server's public address when configured (links are relative otherwise). */
export interface FeedContext {
  language: Language;
  publicUrl: string | undefined;
  /** When the feed was made: its `updated` when it has no entry. */
  now: number;
}

const base = (context: FeedContext) => context.publicUrl?.replace(/\/+$/, '') ?? '';
const recordUrl = (context: FeedContext, id: string) => `${base(context)}/api/v1/gateway/records/${id}`;
const textsOf = (value: unknown): MultilingualText => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as MultilingualText) : {});

/** The language an entry is shown in: the feed's if the title has it, else English, else the first it has. */
function shownIn(title: MultilingualText, wanted: Language): Language {
  if (title[wanted]) return wanted;
  if (title.en) return 'en';
  return LANGUAGES.find((l) => title[l]) ?? wanted;
}

interface Entry {
  record: StoredRecord;
  language: Language;
  title: string;
  summary: string | undefined;
  titles: MultilingualText;
  summaries: MultilingualText;
  /** Type, countries and pillars, each with the scheme it is a term of. */
  categories: { term: string; scheme: 'type' | 'country' | 'pillar' }[];
}

function entryOf(record: StoredRecord, wanted: Language): Entry {
  const body = record.body!;
  const titles = textsOf(body.title);
  const summaries = textsOf(body.summary);
  const language = shownIn(titles, wanted);
  const pillars = Array.isArray(body.pillars) ? (body.pillars as string[]) : [];
  const categories = [
    { term: record.type, scheme: 'type' as const },
    ...recordCountries(record.type, body).map((term) => ({ term, scheme: 'country' as const })),
    ...pillars.map((term) => ({ term, scheme: 'pillar' as const })),
  ];
  return { record, language, title: titles[language] ?? '', summary: summaries[language], titles, summaries, categories };
}

const updatedOf = (records: readonly StoredRecord[], now: number) => Math.max(0, ...records.map((r) => r.updatedAt ?? 0)) || now;

/** JSON Feed 1.1 of `records` (newest first). */
export function jsonFeed(records: readonly StoredRecord[], context: FeedContext): string {
  const root = base(context);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: FEED_TITLE[context.language],
    ...(root ? { home_page_url: `${root}/ui/`, feed_url: `${root}/api/v1/gateway/feed.json` } : {}),
    language: context.language,
    items: records.map((record) => {
      const e = entryOf(record, context.language);
      return {
        id: `urn:uuid:${record.id}`,
        url: recordUrl(context, record.id),
        external_url: record.body!.source_url,
        title: e.title,
        content_text: e.summary ?? e.title,
        ...(e.summary ? { summary: e.summary } : {}),
        date_published: isoTime(record.publishedAt!),
        date_modified: isoTime(record.updatedAt ?? record.publishedAt!),
        language: e.language,
        tags: e.categories.map((c) => c.term),
        _thiqa: { id: record.id, type: record.type, revision: record.revision, languages: recordLanguages(record.type, record.body!), title: e.titles, summary: e.summaries },
      };
    }),
  };
  return `${JSON.stringify(feed)}\n`;
}

/** Text fit for XML 1.0: characters XML cannot hold removed, markup escaped (quotes too, for attributes). */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${xmlText(text)}</${name}>`;

function atomEntry(record: StoredRecord, context: FeedContext): string {
  const e = entryOf(record, context.language);
  const blocks = LANGUAGES.filter((l) => e.titles[l] || e.summaries[l]).map((l) => {
    const heading = e.titles[l] ? element('h1', e.titles[l]!) : '';
    const text = e.summaries[l] ? element('p', e.summaries[l]!) : '';
    return `<div xml:lang="${l}" lang="${l}" dir="${directionOf(l)}">${heading}${text}</div>`;
  });
  return [
    `<entry xml:lang="${e.language}">`,
    element('id', `urn:uuid:${record.id}`),
    element('title', e.title),
    element('updated', isoTime(record.updatedAt ?? record.publishedAt!)),
    element('published', isoTime(record.publishedAt!)),
    `<link rel="alternate" href="${xmlText(String(record.body!.source_url))}"/>`,
    `<link rel="related" type="application/json" href="${xmlText(recordUrl(context, record.id))}"/>`,
    ...e.categories.map((c) => `<category term="${xmlText(c.term)}" scheme="urn:thiqa:gateway:${c.scheme}"/>`),
    ...(e.summary ? [element('summary', e.summary)] : []),
    `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${blocks.join('')}</div></content>`,
    '</entry>',
  ].join('\n');
}

/** Atom 1.0 of `records` (newest first), UTF-8 XML. */
export function atomFeed(records: readonly StoredRecord[], context: FeedContext): string {
  const root = base(context);
  const self = `${root}/api/v1/gateway/feed.atom`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${context.language}">`,
    element('id', root ? self : 'urn:thiqa:gateway:feed'),
    element('title', FEED_TITLE[context.language]),
    element('updated', isoTime(updatedOf(records, context.now))),
    '<author><name>Thiqa Gateway</name></author>',
    element('generator', 'Thiqa'),
    `<link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    ...records.map((record) => atomEntry(record, context)),
    '</feed>',
    '',
  ].join('\n');
}

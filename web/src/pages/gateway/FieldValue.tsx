/**
 * A record's field shown readably by its kind (`record-types.ts`): texts in each of their languages, marked
 * with it; values, countries, areas, pillars and languages by their names in the reader's language; dates by
 * `Intl`; addresses as links only when they are http(s), opening another site without handing it this page.
 */
import type { ReactNode } from 'react';
import type { FieldSpec } from '../../../../shared/gateway/record-types.ts';
import { UserText } from '../../components/UserText.tsx';
import { formatCalendarDate, formatNumber } from '../../i18n/format.ts';
import { preferenceOrder, textsOf } from './display-text.ts';
import { LanguageText } from './RecordText.tsx';
import { safeHref, safeMailto } from './safe-link.ts';
import { useGatewayNames } from './useGatewayNames.ts';

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]);

function Items({ items, inline }: { items: ReactNode[]; inline?: boolean }) {
  return (
    <ul className={inline ? 'inline-list' : 'value-list'}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** A link to an address a proposer gave, or the address as text when it is not one to follow. */
export function ExternalLink({ url }: { url: string }) {
  const href = safeHref(url);
  if (!href) return <code dir="ltr">{url}</code>;
  return (
    <a href={href} rel="noopener noreferrer" target="_blank" dir="ltr" className="external-link">
      {url}
    </a>
  );
}

export function FieldValue({ spec, value }: { spec: FieldSpec; value: unknown }) {
  const names = useGatewayNames();
  const language = names.language;
  if (value === undefined || value === null) return <span className="muted">—</span>;
  switch (spec.kind) {
    case 'text': {
      const texts = textsOf(value);
      const order = preferenceOrder(language).filter((l) => texts.has(l));
      if (order.length === 1) return <LanguageText language={order[0]!} text={texts.get(order[0]!)!} block />;
      return (
        <dl className="texts-by-language">
          {order.map((l) => (
            <div key={l}>
              <dt className="small muted">{names.languageName(l)}</dt>
              <dd>
                <LanguageText language={l} text={texts.get(l)!} block />
              </dd>
            </div>
          ))}
        </dl>
      );
    }
    case 'plain':
      return <UserText text={String(value)} />;
    case 'enum':
      return <>{names.value(spec.name, String(value))}</>;
    case 'enum-list':
      return <Items inline items={listOf(value).map((v) => names.value(spec.name, v))} />;
    case 'country':
      return <>{names.country(String(value))}</>;
    case 'country-list':
      return <Items inline items={listOf(value).map((c) => names.country(c))} />;
    case 'region-list':
      return <Items inline items={listOf(value).map((r) => names.region(r))} />;
    case 'date':
      return <time dateTime={String(value)}>{formatCalendarDate(language, String(value))}</time>;
    case 'year':
      return <>{typeof value === 'number' ? formatNumber(language, value, { useGrouping: false }) : String(value)}</>;
    case 'url':
      return <ExternalLink url={String(value)} />;
    case 'url-list':
      return <Items items={listOf(value).map((url) => <ExternalLink url={url} />)} />;
    case 'email': {
      const href = safeMailto(value);
      return href ? (
        <a href={href} dir="ltr">
          {String(value)}
        </a>
      ) : (
        <code dir="ltr">{String(value)}</code>
      );
    }
    case 'language-list':
      return <Items inline items={listOf(value).map((code) => names.languageName(code))} />;
    case 'string-list':
      return <Items items={listOf(value).map((item) => <UserText text={item} />)} />;
    case 'pillar-list':
    case 'indicator-list':
      return <Items items={listOf(value).map((id) => names.gca(id))} />;
  }
}

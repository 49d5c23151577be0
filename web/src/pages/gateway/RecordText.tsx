/**
 * A text a proposer wrote, in the language chosen for the reader (`displayText`), marked with that language
 * (`lang`, `dir`) so it is read, hyphenated and drawn right, and isolated from the sentence around it; when it
 * is not the reader's language, the language it is in is named beside it.
 */
import { useTranslation } from 'react-i18next';
import { directionOf, type Language } from '../../../../shared/i18n/languages.ts';
import { displayText } from './display-text.ts';
import { useGatewayNames } from './useGatewayNames.ts';

/** `named`: say which language the text is in when it is not the reader's (a list that names them already need not). */
export function RecordText({ text, block = false, className, named = true }: { text: unknown; block?: boolean; className?: string; named?: boolean }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const shown = displayText(text, names.language);
  if (!shown) return <span className="muted">{t('gateway.untitled')}</span>;
  const other = shown.own || !named ? null : <span className="lang-tag small muted">{t('gateway.in_language', { language: names.languageName(shown.language) })}</span>;
  if (block) {
    return (
      <div>
        <p lang={shown.language} dir={shown.dir} className={className ? `user-prose ${className}` : 'user-prose'}>
          {shown.text}
        </p>
        {other}
      </div>
    );
  }
  return (
    <>
      <bdi lang={shown.language} dir={shown.dir} className={className}>
        {shown.text}
      </bdi>
      {other && <> {other}</>}
    </>
  );
}

/** One language's text, marked with its language. */
export function LanguageText({ language, text, block = false }: { language: Language; text: string; block?: boolean }) {
  const dir = directionOf(language);
  return block ? (
    <p lang={language} dir={dir} className="user-prose">
      {text}
    </p>
  ) : (
    <bdi lang={language} dir={dir}>
      {text}
    </bdi>
  );
}

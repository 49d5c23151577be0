/** The language switcher: each language named in itself, so a reader finds theirs whatever the page's language. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../shared/i18n/languages.ts';
import { currentLanguage, LANGUAGES } from '../i18n/i18n.ts';
import { nativeLanguageName } from '../i18n/format.ts';
import { useSession } from '../session.tsx';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { chooseLanguage } = useSession();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(event) => {
          const language = event.target.value;
          if (isLanguage(language)) void chooseLanguage(language);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {nativeLanguageName(language)}
          </option>
        ))}
      </select>
    </div>
  );
}

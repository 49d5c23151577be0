/**
 * A TLP 2.0 label as the standard writes it (`TLP:AMBER+STRICT`: labels are not translated), in the colours
 * FIRST specifies for it on a dark background, with what it means in the reader's language for assistive
 * technology and on hover.
 */
import { useTranslation } from 'react-i18next';
import type { TlpName } from '../api/types.ts';

export function TlpBadge({ tlp }: { tlp: TlpName }) {
  const { t } = useTranslation();
  const meaning = t(`tlp.meaning.${tlp}`);
  return (
    <span className={`tlp tlp-${tlp.replace('+', '-')}`} title={meaning} dir="ltr">
      TLP:{tlp.toUpperCase()}
      <span className="visually-hidden"> — {meaning}</span>
    </span>
  );
}

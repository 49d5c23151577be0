/**
 * The versions push links held back because their text seems to hold personal data, for platform
 * administrators: when, over which peer, the object and version, the kinds found (never the values: the
 * server does not send them), and a button to confirm one, which the link's next push then sends.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { FederationLink, FederationPeer, PersonalDataHold } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../components/useAction.ts';
import { UserText } from '../../components/UserText.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';

const KINDS = ['email', 'phone', 'iban', 'payment-card', 'national-id'];

export function PersonalDataHolds({ holds, links, peers, onChanged }: { holds: PersonalDataHold[]; links: FederationLink[]; peers: Map<string, FederationPeer>; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { busy, error, run } = useAction(onChanged);
  const peerOf = (linkId: string) => {
    const peerId = links.find((l) => l.id === linkId)?.peer;
    return peerId === undefined ? linkId : (peers.get(peerId)?.name ?? peerId);
  };
  const kindName = (kind: string) => (KINDS.includes(kind) ? t(`import.kind_${kind.replace('-', '_')}`) : kind);
  return (
    <section aria-labelledby="federation-personal-data">
      <h3 id="federation-personal-data">{t('federation.personal_data')}</h3>
      <p className="muted small">{t('federation.personal_data_hint')}</p>
      <ErrorNotice error={error} />
      {holds.length === 0 ? (
        <p className="muted">{t('federation.personal_data_empty')}</p>
      ) : (
        <DataTable label={t('federation.personal_data')} columns={[t('federation.personal_data_held'), t('federation.peer'), t('federation.object'), t('import.personal_data_kind'), t('federation.personal_data_state')]}>
          {holds.map((hold) => (
            <tr key={`${hold.link} ${hold.object_id} ${hold.version}`}>
              <td>{formatDateTime(language, hold.held_at)}</td>
              <td>
                <UserText text={peerOf(hold.link)} />
              </td>
              <td>
                <code dir="ltr">{hold.object_id}</code>
              </td>
              <td>{new Intl.ListFormat(language, { type: 'unit' }).format(hold.kinds.map(kindName))}</td>
              <td>
                {hold.pushed_at !== null ? (
                  t('federation.personal_data_pushed')
                ) : hold.confirmed_at !== null ? (
                  t('federation.personal_data_confirmed')
                ) : (
                  <button type="button" disabled={busy} onClick={() => void run(() => api('POST', '/federation/personal-data/confirm', { link: hold.link, object: hold.object_id, version: hold.version }))}>
                    {t('federation.personal_data_confirm')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

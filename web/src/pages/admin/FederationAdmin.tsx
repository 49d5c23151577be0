/**
 * Federation, for platform administrators: the peer hubs, the links with their health (last success, failures
 * in a row, the last error in the reader's language), what peers sent that could not be stored (the
 * quarantine), the versions pushes held back for personal data with their confirmation (PersonalDataHolds.tsx),
 * and removing a link or a peer. Peers and links are added with the CLI, which reads credentials
 * from standard input (`thiqa peer add`, `thiqa link add`); the page says so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../shared/i18n/error-messages.ts';
import { api } from '../../api/client.ts';
import type { Collection, FederationLink, FederationPeer, Organisation, PersonalDataHold, QuarantinedObject } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { currentLanguage, type Language } from '../../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { PersonalDataHolds } from './PersonalDataHolds.tsx';

/** A removal in two steps: the first click asks, the second removes. */
function RemoveButton({ label, confirm, busy, onRemove }: { label: string; confirm: string; busy: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button-secondary" disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="inline-actions" role="group" aria-label={confirm}>
      <span className="small">{confirm}</span>{' '}
      <button type="button" className="button-danger" disabled={busy} onClick={onRemove}>
        {t('federation.confirm_remove')}
      </button>{' '}
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
        {t('federation.cancel')}
      </button>
    </span>
  );
}

/** A link's last error in the reader's language: its code's message, filled with the peer's address. */
export function linkErrorText(language: Language, error: { code: string; message: string }, peerUrl: string | undefined): string {
  // The status is not kept apart from the stored message ("… (HTTP 503)"): taken from it for the messages that name it.
  const status = /\bHTTP (\d{3})\b/.exec(error.message)?.[1];
  // The address isolated (FSI … PDI): left to right inside a right-to-left sentence, its slashes in place.
  return errorMessage(language, error.code, { url: `\u2068${peerUrl ?? ''}\u2069`, status: status ?? '?' });
}

function LinkHealth({ link, peerUrl }: { link: FederationLink; peerUrl: string | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { status } = link;
  if (status.failures > 0 && status.last_error) {
    return (
      <div>
        <span className="status-badge status-failing">{t('federation.failing', { count: status.failures, formatted: formatNumber(language, status.failures) })}</span>
        <p className="small">{linkErrorText(language, status.last_error, peerUrl)}</p>
        <p className="muted small">
          <code dir="ltr">{status.last_error.code}</code>
        </p>
      </div>
    );
  }
  if (!status.last_success_at) return <span className="muted">{t('federation.not_run')}</span>;
  return <span className="status-badge status-published">{t('federation.healthy')}</span>;
}

function PeersTable({ peers, organisations, onChanged }: { peers: FederationPeer[]; organisations: Map<string, string>; onChanged: () => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction(onChanged);
  return (
    <section aria-labelledby="federation-peers">
      <h3 id="federation-peers">{t('federation.peers')}</h3>
      <ErrorNotice error={error} />
      {peers.length === 0 ? (
        <p className="muted">{t('federation.no_peers')}</p>
      ) : (
        <DataTable label={t('federation.peers')} columns={[t('admin.name'), t('federation.address'), t('federation.stands_for'), t('federation.auth'), t('common.actions')]}>
          {peers.map((peer) => (
            <tr key={peer.id}>
              <td>
                <UserText text={peer.name} />
              </td>
              <td>
                <code dir="ltr">{peer.api_root_url}</code>
              </td>
              <td>
                <UserText text={organisations.get(peer.organisation) ?? peer.organisation} />
              </td>
              <td>{t(`federation.auth_${peer.auth}`)}</td>
              <td>
                <RemoveButton
                  label={t('federation.remove_peer')}
                  confirm={t('federation.remove_peer_confirm', { peer: peer.name })}
                  busy={busy}
                  onRemove={() => void run(() => api('DELETE', `/federation/peers/${encodeURIComponent(peer.id)}`))}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function LinksTable({ links, peers, collections, onChanged }: { links: FederationLink[]; peers: Map<string, FederationPeer>; collections: Map<string, string>; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { busy, error, run } = useAction(onChanged);
  return (
    <section aria-labelledby="federation-links">
      <h3 id="federation-links">{t('federation.links')}</h3>
      <ErrorNotice error={error} />
      {links.length === 0 ? (
        <p className="muted">{t('federation.no_links')}</p>
      ) : (
        <DataTable
          label={t('federation.links')}
          columns={[t('federation.peer'), t('federation.direction'), t('federation.local_collection'), t('federation.remote_collection'), t('federation.last_success'), t('admin.status'), t('common.actions')]}
        >
          {links.map((link) => {
            const peer = peers.get(link.peer);
            return (
              <tr key={link.id}>
                <td>
                  <UserText text={peer?.name ?? link.peer} />
                </td>
                <td>
                  {t(`federation.direction_${link.direction}`)}
                  <span className="muted small"> · {t(`federation.mode_${link.mode}`)}</span>
                  {link.propagate_deletions && <span className="muted small"> · {t('federation.with_deletions')}</span>}
                </td>
                <td>
                  <UserText text={collections.get(link.local_collection) ?? link.local_collection} />
                </td>
                <td>
                  <code dir="ltr">{link.remote_collection}</code>
                </td>
                <td>{formatDateTime(language, link.status.last_success_at) || <span className="muted">{t('federation.never')}</span>}</td>
                <td>
                  <LinkHealth link={link} peerUrl={peer?.api_root_url} />
                </td>
                <td>
                  <RemoveButton
                    label={t('federation.remove_link')}
                    confirm={t('federation.remove_link_confirm', { peer: peer?.name ?? link.peer })}
                    busy={busy}
                    onRemove={() => void run(() => api('DELETE', `/federation/links/${encodeURIComponent(link.id)}`))}
                  />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}

function QuarantineList({ items, peers }: { items: QuarantinedObject[]; peers: Map<string, FederationPeer> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section aria-labelledby="federation-quarantine">
      <h3 id="federation-quarantine">{t('federation.quarantine')}</h3>
      <p className="muted small">{t('federation.quarantine_hint')}</p>
      {items.length === 0 ? (
        <p className="muted">{t('federation.quarantine_empty')}</p>
      ) : (
        <DataTable label={t('federation.quarantine')} columns={[t('federation.received'), t('federation.peer'), t('federation.object'), t('federation.reasons')]}>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{formatDateTime(language, item.received_at)}</td>
              <td>
                <UserText text={peers.get(item.peer)?.name ?? item.peer} />
              </td>
              <td>
                {item.object_id ? <code dir="ltr">{item.object_id}</code> : <span className="muted">{t('federation.no_id')}</span>}
                <details>
                  <summary>{t('federation.as_received')}</summary>
                  <pre dir="ltr" className="json-preview">
                    {item.object}
                  </pre>
                  {item.truncated && <p className="muted small">{t('federation.truncated')}</p>}
                </details>
              </td>
              <td>
                {item.reasons.map((reason) => (
                  <code dir="ltr" key={reason} className="reason-code">
                    {reason}
                  </code>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export function FederationAdmin() {
  const { t } = useTranslation();
  const peers = useApi<{ peers: FederationPeer[] }>('/federation/peers');
  const links = useApi<{ links: FederationLink[] }>('/federation/links');
  const quarantine = useApi<{ quarantined: QuarantinedObject[] }>('/federation/quarantine?limit=50');
  const holds = useApi<{ held: PersonalDataHold[] }>('/federation/personal-data?limit=100');
  const organisations = useApi<{ organisations: Organisation[] }>('/organisations');
  const collections = useApi<{ collections: Collection[] }>('/collections');
  const reload = () => {
    peers.reload();
    links.reload();
  };
  const peerById = new Map((peers.data?.peers ?? []).map((p) => [p.id, p]));
  const orgNames = new Map((organisations.data?.organisations ?? []).map((o) => [o.id, o.name]));
  const collectionTitles = new Map((collections.data?.collections ?? []).map((c) => [c.id, c.title]));
  return (
    <section aria-labelledby="federation-heading">
      <h2 id="federation-heading">{t('admin.federation')}</h2>
      <p className="muted">{t('federation.intro')}</p>
      <ErrorNotice error={peers.error ?? links.error ?? quarantine.error ?? holds.error} />
      {(peers.loading || links.loading) && !(peers.data && links.data) && <Loading />}
      {peers.data && <PeersTable peers={peers.data.peers} organisations={orgNames} onChanged={reload} />}
      {links.data && <LinksTable links={links.data.links} peers={peerById} collections={collectionTitles} onChanged={reload} />}
      {quarantine.data && <QuarantineList items={quarantine.data.quarantined} peers={peerById} />}
      {holds.data && links.data && <PersonalDataHolds holds={holds.data.held} links={links.data.links} peers={peerById} onChanged={holds.reload} />}
      <p className="muted small">
        {t('federation.cli_hint')} <code dir="ltr">thiqa peer add</code>, <code dir="ltr">thiqa link add</code>
      </p>
    </section>
  );
}

/**
 * The agreements network (public), as a graph (`network-graph.ts`; a click on a party brings its entry into
 * view) and as a list, the graph's accessible equivalent: each party — a country (named in the reader's language) or an
 * organisation — with the published agreements it is party to, their kind, status, date and other parties,
 * each linked to its record. Kind and status filter on the server; both are in the address.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../../api/client.ts';
import { gatewayPages, gatewayPaths, type NetworkAgreement, type NetworkAnswer, type NetworkNode } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { formatCalendarDate, formatList, formatNumber } from '../../../i18n/format.ts';
import { Link, navigate } from '../../../router.tsx';
import { Chart } from '../../assessment/charts/Chart.tsx';
import { SeriesLegend } from '../../assessment/charts/SeriesLegend.tsx';
import { directionOf } from '../../../../../shared/i18n/languages.ts';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { RecordText } from '../RecordText.tsx';
import { useGatewayNames, type GatewayNames } from '../useGatewayNames.ts';
import { drawnNodes, FORM_COLOURS, GRAPH_MAX_NODES, networkGraphOption } from './network-graph.ts';

const FORMS = ['bilateral', 'multilateral'] as const;
const STATUSES = ['negotiation', 'signed', 'in-force', 'expired', 'terminated'] as const;

interface Filters {
  form: string;
  status: string;
}

const addressOf = (filters: Filters) => `${gatewayPages.network}${queryString({ form: filters.form, status: filters.status })}`;

const partyName = (names: GatewayNames, node: NetworkNode | undefined, id: string) => (node?.kind === 'country' ? names.country(node.name) : (node?.name ?? id));

function Agreement({ agreement, party, nodes }: { agreement: NetworkAgreement; party: string; nodes: ReadonlyMap<string, NetworkNode> }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const others = agreement.parties.filter((id) => id !== party).map((id) => partyName(names, nodes.get(id), id));
  return (
    <li className="network-agreement" data-agreement={agreement.id}>
      <Link to={gatewayPages.record(agreement.id)}>
        <RecordText text={agreement.title} />
      </Link>
      <p className="small">
        <span className="type-badge">{names.value('form', agreement.form)}</span>
        {agreement.status && <> · {names.value('status', agreement.status)}</>}
        {agreement.signed_date && <> · {t('gateway.network_signed', { date: formatCalendarDate(names.language, agreement.signed_date) })}</>}
      </p>
      {others.length > 0 && <p className="small network-parties">{t('gateway.network_with', { parties: formatList(names.language, others) })}</p>}
    </li>
  );
}

export function NetworkPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const filters: Filters = {
    form: FORMS.find((f) => f === query.get('form')) ?? '',
    status: STATUSES.find((s) => s === query.get('status')) ?? '',
  };
  const { data, error, loading } = useApi<NetworkAnswer>(`${gatewayPaths.network}${queryString({ form: filters.form, status: filters.status })}`);

  const parties = useMemo(() => {
    if (!data) return [];
    const nodes = new Map(data.nodes.map((n) => [n.id, n]));
    return data.nodes
      .map((node) => ({ node, name: partyName(names, node, node.id), agreements: data.agreements.filter((a) => a.parties.includes(node.id)) }))
      .sort((a, b) => (a.node.kind === b.node.kind ? a.name.localeCompare(b.name, names.language) : a.node.kind === 'country' ? -1 : 1))
      .map((party) => ({ ...party, nodes }));
  }, [data, names]);

  const graph = useMemo(() => {
    if (!data || data.nodes.length === 0) return undefined;
    const text = {
      party: (node: NetworkNode) => partyName(names, node, node.id),
      form: (form: string) => names.value('form', form),
      status: (status: string | null) => (status ? names.value('status', status) : t('gateway.network_status_none')),
      agreements: (number: number) => t('gateway.network_agreements_of', { number: formatNumber(names.language, number) }),
    };
    return networkGraphOption(data, text, directionOf(names.language) === 'rtl');
  }, [data, names, t]);

  const showParty = (id: string) => document.querySelector(`[data-party="${CSS.escape(id)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const select = (name: keyof Filters, value: string) => navigate(addressOf({ ...filters, [name]: value }), true);
  return (
    <section className="network-page">
      <GatewayTabs />
      <h1 tabIndex={-1}>{t('gateway.network_title')}</h1>
      <p className="muted">{t('gateway.network_intro')}</p>
      <div className="toolbar network-filters">
        <label className="field">
          <span>{t('gateway.network_form')}</span>
          <select name="form" value={filters.form} onChange={(event) => select('form', event.target.value)}>
            <option value="">{t('gateway.network_any')}</option>
            {FORMS.map((form) => (
              <option key={form} value={form}>
                {names.value('form', form)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('gateway.network_status')}</span>
          <select name="status" value={filters.status} onChange={(event) => select('status', event.target.value)}>
            <option value="">{t('gateway.network_any')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {names.value('status', status)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="summary-line">
            {t('gateway.network_summary', { agreements: formatNumber(names.language, data.agreements.length), parties: formatNumber(names.language, data.nodes.length) })}
          </p>
          {parties.length === 0 && <p>{t('gateway.network_none')}</p>}
          {graph && (
            <figure className="network-graph">
              <Chart className="chart-network" option={graph} label={t('gateway.network_graph_label')} onSelect={showParty} />
              <figcaption>
                {data.nodes.length > GRAPH_MAX_NODES && (
                  <p className="muted small">
                    {t('gateway.network_graph_partial', { shown: formatNumber(names.language, drawnNodes(data.nodes).length), total: formatNumber(names.language, data.nodes.length) })}
                  </p>
                )}
                <SeriesLegend label={t('gateway.network_legend')} items={FORMS.map((form) => ({ name: names.value('form', form), colour: FORM_COLOURS[form] }))} />
                <p className="muted small network-lines">
                  {[t('gateway.network_line_solid'), t('gateway.network_line_dashed'), t('gateway.network_line_dotted'), t('gateway.network_shapes')].join(' · ')}
                </p>
              </figcaption>
            </figure>
          )}
          <ul className="network-parties-list">
            {parties.map(({ node, name, agreements, nodes }) => (
              <li key={node.id} className="card network-party" data-party={node.id}>
                <h2>
                  {node.kind === 'country' ? name : <UserText text={name} />}
                  {node.kind === 'organisation' && <span className="type-badge">{t('gateway.network_organisation')}</span>}
                </h2>
                <ul className="network-agreements">
                  {agreements.map((agreement) => (
                    <Agreement key={agreement.id} agreement={agreement} party={node.id} nodes={nodes} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

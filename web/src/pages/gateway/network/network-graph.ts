/**
 * The agreements network as a graph (ECharts `graph`, force layout): one node per party, sized by its
 * agreements, countries and organisations told apart by shape; one line per pair of parties, form and status,
 * coloured by form and drawn by status (solid: signed or in force; dashed: in negotiation or of no status given;
 * dotted: expired or terminated). A network of more parties than `GRAPH_MAX_NODES` draws the most connected
 * ones (the list below the chart has them all), so the layout stays legible and quick on a small machine.
 */
import type { NetworkAnswer, NetworkNode } from '../../../api/gateway-types.ts';
import { tooltipHtml } from '../../assessment/charts/chart-text.ts';

export const GRAPH_MAX_NODES = 150;

/** Colours told apart with the common colour vision deficiencies (Okabe and Ito). */
export const FORM_COLOURS = { bilateral: '#0072b2', multilateral: '#d55e00' } as const;

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** How a status is drawn. */
export function lineOf(status: string | null): LineStyle {
  if (status === 'signed' || status === 'in-force') return 'solid';
  if (status === 'expired' || status === 'terminated') return 'dotted';
  return 'dashed';
}

export interface GraphText {
  party(node: NetworkNode): string;
  form(form: string): string;
  status(status: string | null): string;
  agreements(count: number): string;
}

/** The parties drawn: all, or the most connected `max` (ties by id, so the choice is stable). */
export function drawnNodes(nodes: readonly NetworkNode[], max = GRAPH_MAX_NODES): NetworkNode[] {
  if (nodes.length <= max) return [...nodes];
  return [...nodes].sort((a, b) => b.agreements - a.agreements || (a.id < b.id ? -1 : 1)).slice(0, max);
}

const sizeOf = (agreements: number) => Math.min(40, 8 + 4 * Math.sqrt(agreements));

export function networkGraphOption(network: NetworkAnswer, text: GraphText, rtl: boolean) {
  const nodes = drawnNodes(network.nodes);
  const drawn = new Map(nodes.map((n) => [n.id, n]));
  const links = network.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target));
  return {
    tooltip: {
      confine: true,
      formatter: (item: { dataType: string; data: { id?: string; source?: string; target?: string; form?: string; status?: string | null; count?: number } }) => {
        const d = item.data;
        if (item.dataType === 'edge') {
          const ends = [d.source!, d.target!].map((id) => text.party(drawn.get(id)!));
          return tooltipHtml(rtl, ends.join(' — '), [`${text.form(d.form!)} · ${text.status(d.status ?? null)}`, text.agreements(d.count!)]);
        }
        const node = drawn.get(d.id!)!;
        return tooltipHtml(rtl, text.party(node), [text.agreements(node.agreements)]);
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 120, edgeLength: [40, 120], gravity: 0.08 },
        label: { show: nodes.length <= 60, position: rtl ? 'left' : 'right', fontSize: 12 },
        zoom: nodes.length <= 12 ? 1.6 : 1,
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency' },
        data: nodes.map((node) => ({
          id: node.id,
          name: node.id,
          value: node.agreements,
          symbol: node.kind === 'country' ? 'circle' : 'rect',
          symbolSize: sizeOf(node.agreements),
          itemStyle: { color: node.kind === 'country' ? '#56b4e9' : '#cc79a7', borderColor: '#1a1a1a', borderWidth: 0.5 },
          label: { formatter: text.party(node) },
        })),
        links: links.map((edge) => ({
          source: edge.source,
          target: edge.target,
          form: edge.form,
          status: edge.status,
          count: edge.agreements.length,
          lineStyle: { color: FORM_COLOURS[edge.form], type: lineOf(edge.status), width: Math.min(6, 1 + edge.agreements.length), opacity: 0.85 },
        })),
      },
    ],
  };
}

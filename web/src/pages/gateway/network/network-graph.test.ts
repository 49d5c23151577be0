import { describe, expect, it } from 'vitest';
import type { NetworkAnswer, NetworkNode } from '../../../api/gateway-types.ts';
import { drawnNodes, lineOf, networkGraphOption } from './network-graph.ts';

const node = (id: string, agreements: number, kind: NetworkNode['kind'] = 'country'): NetworkNode => ({ id, kind, name: id.split(':')[1]!, region: null, sub_region: null, agreements });
const text = { party: (n: NetworkNode) => `<${n.name}>`, form: (f: string) => f, status: (s: string | null) => s ?? 'none', agreements: (n: number) => `${n} agreements` };

const network: NetworkAnswer = {
  nodes: [node('country:TN', 2), node('country:FR', 1), node('organisation:AU', 1, 'organisation')],
  agreements: [],
  edges: [
    { source: 'country:FR', target: 'country:TN', form: 'bilateral', status: 'in-force', agreements: ['a1'] },
    { source: 'country:TN', target: 'organisation:AU', form: 'multilateral', status: 'negotiation', agreements: ['a2', 'a3'] },
  ],
};

describe('the agreements network as a graph', () => {
  it('draws statuses as lines: solid once signed, dashed before, dotted once ended', () => {
    expect(['signed', 'in-force', 'negotiation', null, 'expired', 'terminated'].map(lineOf)).toEqual(['solid', 'solid', 'dashed', 'dashed', 'dotted', 'dotted']);
  });

  it('has a node per party and a line per edge, coloured by form, organisations as squares', () => {
    const series = networkGraphOption(network, text, false).series[0]!;
    expect(series.data.map((d) => [d.id, d.symbol])).toEqual([['country:TN', 'circle'], ['country:FR', 'circle'], ['organisation:AU', 'rect']]);
    expect(series.links.map((l) => [l.source, l.target, l.lineStyle.type, l.count])).toEqual([['country:FR', 'country:TN', 'solid', 1], ['country:TN', 'organisation:AU', 'dashed', 2]]);
    expect(series.links[0]!.lineStyle.color).not.toBe(series.links[1]!.lineStyle.color);
  });

  it('escapes names in tooltips and sets them in the page’s direction', () => {
    const option = networkGraphOption(network, text, true);
    const html = option.tooltip.formatter({ dataType: 'edge', data: { source: 'country:FR', target: 'country:TN', form: 'bilateral', status: 'in-force', count: 1 } });
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('&lt;FR&gt; — &lt;TN&gt;');
    expect(html).not.toContain('<FR>');
  });

  it('keeps the most connected parties of a large network, and only the lines between them', () => {
    const many = Array.from({ length: 200 }, (_, i) => node(`country:${String(i).padStart(3, '0')}`, i % 7));
    const kept = drawnNodes(many, 10);
    expect(kept).toHaveLength(10);
    expect(Math.min(...kept.map((n) => n.agreements))).toBe(6);
    const big: NetworkAnswer = { nodes: many, agreements: [], edges: [{ source: many[0]!.id, target: many[6]!.id, form: 'bilateral', status: null, agreements: ['x'] }] };
    // Node 000 has no agreement counted, so it is left out with its line when only 150 are drawn.
    expect(networkGraphOption(big, text, false).series[0]!.links).toHaveLength(0);
  });
});

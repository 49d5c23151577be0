// STIX → MISP: what came from MISP goes back as the event it was (so converting it again gives the same STIX),
// objects from elsewhere are grouped by report with the rest in one event, and the feed files are MISP's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, TLP2_MARKINGS } from '../stix/index.ts';
import { openMispInput, writeMispFeed } from './feed-directory.ts';
import { checkEvent, type MispEvent, type MispRecord } from './misp-event.ts';
import { hashLines, readHashes, readManifest, verifyHashes } from './misp-feed.ts';
import { eventToStix, Tally } from './misp-to-stix.ts';
import { stixToMisp } from './stix-to-misp.ts';
import { richEvent } from './testing/rich-event.ts';

type Obj = Record<string, unknown>;
const ORGC = { name: 'Thiqa', uuid: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' };
const toStix = (event: unknown) => eventToStix(checkEvent(event, 'e.json').event as MispEvent, new Tally()).objects;
const asMap = (objects: Obj[]) => new Map(objects.map((o) => [o.id as string, o]));
const canonical = (objects: Obj[]) => objects.map((o) => canonicalJson(o)).sort();

describe('STIX → MISP', () => {
  it('gives back the event it read, so that converting it again gives the same STIX objects', () => {
    const objects = toStix(richEvent());
    const { events, skipped } = stixToMisp(asMap(objects), { id: 'c', title: 'C' }, ORGC);
    expect(events).toHaveLength(1);
    expect(skipped).toEqual({});
    const event = events[0]!;
    expect(event).toMatchObject({ uuid: richEvent().Event.uuid, info: richEvent().Event.info, timestamp: '1700000100', date: '2023-11-14', Orgc: richEvent().Event.Orgc });
    expect((event.Object as MispRecord[])[0]!.Attribute).toHaveLength(3);
    expect(canonical(toStix({ Event: event }))).toEqual(canonical(objects));
  });

  it('groups objects from elsewhere: a report’s as one event, the rest in one event of the collection; skips what MISP has no type for', () => {
    const indicator = { type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-02T00:00:00.000Z', pattern: "[ipv4-addr:value = '192.0.2.1']", pattern_type: 'stix', valid_from: '2024-01-01T00:00:00Z', labels: ['c2'], object_marking_refs: [TLP2_MARKINGS.amber] };
    const domain = { type: 'domain-name', spec_version: '2.1', id: 'domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5', value: 'example.com' };
    const complex = { ...indicator, id: 'indicator--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', pattern: "[file:name = 'a' AND file:size = 3]", labels: undefined, object_marking_refs: undefined };
    const relationship = { type: 'relationship', spec_version: '2.1', id: 'relationship--2e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', relationship_type: 'indicates', source_ref: indicator.id, target_ref: domain.id };
    const report = { type: 'report', spec_version: '2.1', id: 'report--4e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-03T00:00:00.000Z', published: '2024-01-03T00:00:00.000Z', name: 'A report', object_refs: [indicator.id, relationship.id] };
    const { events, skipped } = stixToMisp(asMap([report, indicator, domain, complex, relationship]), { id: 'c1', title: 'Collection one' }, ORGC);
    expect(events.map((e) => e.info)).toEqual(['A report', 'Collection one: objects outside any report']);
    expect(events[0]).toMatchObject({ uuid: '4e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', date: '2024-01-03', Orgc: ORGC, Attribute: [{ uuid: '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', type: 'ip-dst', value: '192.0.2.1', to_ids: true, category: 'Network activity', timestamp: '1704153600', Tag: [{ name: 'c2' }, { name: 'tlp:amber' }] }] });
    expect((events[1]!.Attribute as MispRecord[]).map((a) => [a.type, a.value])).toEqual([['domain', 'example.com'], ['stix2-pattern', complex.pattern]]);
    expect(skipped).toEqual({ relationship: 1 });
  });

  it('writes a feed MISP reads: <uuid>.json, manifest.json as PyMISP writes it, hashes.csv with one md5 per value part', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-misp-'));
    try {
      const { events } = stixToMisp(asMap(toStix(richEvent())), { id: 'c', title: 'C' }, ORGC);
      const written = writeMispFeed(dir, events);
      const uuid = String(events[0]!.uuid);
      expect(fs.readdirSync(dir).sort()).toEqual([`${uuid}.json`, 'hashes.csv', 'manifest.json']);
      const manifest = readManifest(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.problems).toEqual([]);
      expect(Object.keys(manifest.entries.get(uuid)!).sort()).toEqual(['Orgc', 'Tag', 'analysis', 'date', 'info', 'threat_level_id', 'timestamp']);
      const hashes = fs.readFileSync(path.join(dir, 'hashes.csv'), 'utf8').trim().split('\n');
      // md5 of "198.51.100.7", the ip-src attribute's value.
      expect(hashes).toContain(`526291673f8700ef4e4902e29550a03b,${uuid}`);
      const source = richEvent().Event;
      const count = (source.Attribute as unknown[]).length + ((source.Object as MispRecord[])[0]!.Attribute as unknown[]).length;
      expect(written.attributes).toBe(count);
      expect(hashes.length).toBeGreaterThan(count);
      const input = openMispInput(dir);
      const read = [...input.events()];
      expect(read.map((r) => r.problems)).toEqual([[]]);
      const expected = new Set(hashLines(read[0]!.event!));
      expect(verifyHashes(expected, new Set([uuid]), input.hashes!)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('splits composite values for hashes.csv and reports lines that do not match', () => {
    const uuid = '56bf399d-c46c-4fdb-a9cf-d9bb02de0b81';
    const lines = hashLines({ uuid, Attribute: [{ type: 'domain|ip', value: 'a.example|192.0.2.1' }, { type: 'malware-sample', value: 'x.exe|d41d8cd98f00b204e9800998ecf8427e' }] });
    expect(lines).toHaveLength(4);
    // md5 of "a.example", the first part of the domain|ip value.
    expect(lines[0]).toBe(`af60befa758e782df5bdf9901187616d,${uuid}`);
    const listed = readHashes(`${lines[0]}\n${lines[1]}\nffffffffffffffffffffffffffffffff,${uuid}\nnot a line\n`);
    expect(listed.problems).toMatchObject([{ rule: 'misp-hash-mismatch', path: 'line 4' }]);
    const problems = verifyHashes(new Set(lines), new Set([uuid]), listed.lines);
    expect(problems.map((p) => p.path).sort()).toEqual(['$', '$', 'line 3']);
  });
});

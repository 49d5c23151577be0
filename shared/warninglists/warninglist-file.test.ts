// Reading a MISP list.json: every real list reads; a file that is no list is refused with each problem
// (rule, path, file); unusable entries are skipped and reported, the others kept.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDataDir } from '../../test/support/reference-data.ts';
import { readWarningList } from './warninglist-file.ts';

const good = { name: 'Test list', version: 3, description: 'd', type: 'cidr', matching_attributes: ['ip-src'], list: ['10.0.0.0/8', '192.0.2.1'] };
const read = (value: unknown) => readWarningList(JSON.stringify(value), 'test/list.json');

describe('readWarningList', () => {
  it('reads every one of the 136 real lists, with no entry skipped', () => {
    const dir = path.join(referenceDataDir(), 'misp', 'warninglists');
    const folders = fs.readdirSync(dir);
    expect(folders).toHaveLength(136);
    let entries = 0;
    for (const folder of folders) {
      const result = readWarningList(fs.readFileSync(path.join(dir, folder, 'list.json')), `${folder}/list.json`);
      expect(result.ok, folder).toBe(true);
      if (result.ok) {
        expect(result.skipped, folder).toEqual([]);
        entries += result.list.entries.length;
      }
    }
    // Duplicates within a list are counted once; the data set's README counts 528,972 entries in all.
    expect(entries).toBeGreaterThan(500_000);
    expect(entries).toBeLessThanOrEqual(528_972);
  });

  it('reads a list’s fields', () => {
    const result = read(good);
    expect(result).toEqual({ ok: true, skipped: [], list: { name: 'Test list', version: 3, description: 'd', type: 'cidr', matchingAttributes: ['ip-src'], entries: ['10.0.0.0/8', '192.0.2.1'] } });
  });

  it('refuses what is not JSON or not an object, naming the file', () => {
    const notJson = readWarningList('{"name": ', 'x/list.json');
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.problems[0]).toMatchObject({ rule: 'warninglist-not-json', path: '$', file: 'x/list.json' });
    expect(readWarningList(new Uint8Array([0xff, 0xfe]), 'b.json')).toMatchObject({ ok: false, problems: [{ rule: 'warninglist-not-json' }] });
    expect(read([good])).toMatchObject({ ok: false, problems: [{ rule: 'warninglist-not-an-object', path: '$' }] });
  });

  it('lists every missing or wrong field', () => {
    const result = read({ description: 7, type: 'fuzzy', version: '1', list: ['a', 3], matching_attributes: 'ip-src' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.rule} ${p.path}`).sort()).toEqual([
      'warninglist-missing-field $.name',
      'warninglist-unknown-type $.type',
      'warninglist-wrong-kind $.description',
      'warninglist-wrong-kind $.list[1]',
      'warninglist-wrong-kind $.matching_attributes',
      'warninglist-wrong-kind $.version',
    ]);
    expect(result.problems.every((p) => p.file === 'test/list.json' && p.message.includes('test/list.json'))).toBe(true);
    expect(read({ name: 'n', version: 1, type: 'string' })).toMatchObject({ ok: false, problems: [{ rule: 'warninglist-missing-field', path: '$.list' }] });
  });

  it('skips unusable entries with the reason and keeps the rest, duplicates once', () => {
    const cidr = read({ ...good, list: ['10.0.0.0/8', 'not-an-ip', '', '10.0.0.0/8', '2001:db8::/33'] });
    expect(cidr.ok && cidr.list.entries).toEqual(['10.0.0.0/8', '2001:db8::/33']);
    expect(cidr.ok && cidr.skipped.map((p) => `${p.rule} ${p.path}`)).toEqual(['warninglist-invalid-entry $.list[1]', 'warninglist-invalid-entry $.list[2]']);
    const regex = read({ ...good, type: 'regex', list: ['/^ok$/i', '/(x+)+y/', '/bad[/', 'plain', '/a/x'] });
    expect(regex.ok && regex.list.entries).toEqual(['/^ok$/i']);
    expect(regex.ok && regex.skipped.map((p) => p.path)).toEqual(['$.list[1]', '$.list[2]', '$.list[3]', '$.list[4]']);
    expect(regex.ok && regex.skipped[0]!.message).toContain('exponential');
  });
});

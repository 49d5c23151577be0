import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chunk, writeBundle } from './bundle-writer.ts';
import { generateObjects } from './stix-generator.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeBundle', () => {
  it('streams a parseable bundle holding every object, and reports the bytes written', async () => {
    const file = path.join(dir, 'bundle.json');
    const id = 'bundle--5d0b6f4b-2f0e-4a5c-9d43-6c2f0b0a7e11';
    // Enough objects to cross the flush threshold many times and meet backpressure.
    const result = await writeBundle(generateObjects({ seed: 3, count: 3_000 }), file, { id });
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as { type: string; id: string; objects: unknown[] };
    expect(result).toEqual({ count: 3_000, bytes: fs.statSync(file).size });
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toBe(id);
    expect(bundle.objects).toEqual([...generateObjects({ seed: 3, count: 3_000 })]);
  });

  it('puts the header, each object and the footer on lines of their own (the benchmark reads it so)', async () => {
    const file = path.join(dir, 'lines.json');
    await writeBundle(generateObjects({ seed: 5, count: 50 }), file);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^\{"type":"bundle","id":"bundle--[0-9a-f-]{36}","objects":\[$/);
    expect(lines.slice(-2)).toEqual([']}', '']);
    const objects = lines.slice(1, -2).map((line) => JSON.parse(line.replace(/,$/, '')) as { type: string });
    expect(objects).toHaveLength(50);
  });

  it('writes an empty bundle and gives it a random id when none is given', async () => {
    const file = path.join(dir, 'empty.json');
    expect(await writeBundle([], file)).toMatchObject({ count: 0 });
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string; objects: unknown[] };
    expect(bundle.objects).toEqual([]);
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
  });

  it('rejects a malformed id and a folder that does not exist', async () => {
    await expect(writeBundle([], path.join(dir, 'x.json'), { id: 'bundle--nope' })).rejects.toThrow(RangeError);
    await expect(writeBundle(generateObjects({ count: 10 }), path.join(dir, 'missing', 'x.json')))
      .rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('passes on an error thrown while the objects are produced', async () => {
    function* failing(): Generator<Record<string, unknown>> {
      yield { type: 'x' };
      throw new Error('source failed');
    }
    await expect(writeBundle(failing(), path.join(dir, 'failing.json'))).rejects.toThrow('source failed');
  });
});

describe('chunk', () => {
  it('groups lazily into arrays of the size, the last one shorter', () => {
    expect([...chunk([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...chunk([], 3)]).toEqual([]);
    const first = chunk(generateObjects({ count: 1_000_000 }), 100).next();
    expect(first.value).toHaveLength(100);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => [...chunk([1], 0)]).toThrow(RangeError);
    expect(() => [...chunk([1], 1.5)]).toThrow(RangeError);
  });
});

import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBundleObjects } from './bundle-reader.ts';
import { writeBundleStream } from './bundle-writer.ts';

async function* pagesOf(...pages: string[][]) {
  for (const page of pages) yield page;
}

async function collect(stream: PassThrough): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('writeBundleStream', () => {
  it('writes a bundle the reader reads back, one object per line', async () => {
    const out = new PassThrough();
    const text = collect(out);
    const result = await writeBundleStream(pagesOf(['{"a":1}', '{"b":2}'], [], ['{"c":"é"}']), out, { id: 'bundle--6f1b5d4e-1d1c-4c1b-9a55-0d1f6f4b2c3a' });
    out.end();
    const written = await text;
    expect(written).toBe('{"type":"bundle","id":"bundle--6f1b5d4e-1d1c-4c1b-9a55-0d1f6f4b2c3a","objects":[\n{"a":1},\n{"b":2},\n{"c":"é"}\n]}\n');
    expect(result).toEqual({ id: 'bundle--6f1b5d4e-1d1c-4c1b-9a55-0d1f6f4b2c3a', count: 3, bytes: Buffer.byteLength(written) });
    const objects: unknown[] = [];
    for await (const object of readBundleObjects([written])) objects.push(object);
    expect(objects).toEqual([{ a: 1 }, { b: 2 }, { c: 'é' }]);
  });

  it('leaves "objects" out of an empty bundle (STIX has no empty lists) and makes a random id', async () => {
    const out = new PassThrough();
    const text = collect(out);
    const result = await writeBundleStream(pagesOf(), out);
    out.end();
    expect(JSON.parse(await text)).toEqual({ type: 'bundle', id: result.id });
    expect(result.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
  });

  it('waits for the stream to drain before taking the next page', async () => {
    let pulled = 0;
    async function* pages() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        yield [JSON.stringify({ i, pad: 'x'.repeat(1000) })];
      }
    }
    const pending: (() => void)[] = [];
    // A slow disk: nothing is written until the test lets it.
    const slow = new Writable({ highWaterMark: 16, write: (_chunk, _encoding, done) => pending.push(done) });
    const writing = writeBundleStream(pages(), slow);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled).toBe(1);
    while (pending.length > 0 || pulled < 50) {
      pending.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await writing).count).toBe(50);
  });

  it('fails with the error of the stream', async () => {
    const broken = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) });
    await expect(writeBundleStream(pagesOf(['{"a":1}'], ['{"b":2}']), broken)).rejects.toThrow('EPIPE');
  });
});

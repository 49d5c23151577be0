import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJson, referenceBundles } from '../../test/support/reference-data.ts';
import { BundleReadError } from './bundle-read-error.ts';
import { readBundleObjects, type ReadBundleOptions } from './bundle-reader.ts';

async function readAll(chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>, options?: ReadBundleOptions) {
  const objects: unknown[] = [];
  for await (const object of readBundleObjects(chunks, options)) objects.push(object);
  return objects;
}

/** Reads until the error; answers what came out before it and the error. */
async function readUntilError(text: string | Uint8Array): Promise<{ objects: unknown[]; error: BundleReadError }> {
  const objects: unknown[] = [];
  try {
    for await (const object of readBundleObjects([text])) objects.push(object);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleReadError);
    return { objects, error: error as BundleReadError };
  }
  throw new Error(`no error for ${String(text)}`);
}

function splitBytes(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

describe('readBundleObjects on the reference bundles', () => {
  it.each(referenceBundles())('yields the objects of %s as JSON.parse reads them', async (file) => {
    const expected = (readJson(file) as { objects: unknown[] }).objects;
    expect(await readAll(fs.createReadStream(file, { highWaterMark: 64 * 1024 }))).toEqual(expected);
  });

  it('gives the same objects whatever the byte chunk size, multi-byte characters split included', async () => {
    const text = JSON.stringify({ type: 'bundle', objects: [{ name: 'Ünïcødé — 日本語 😀', n: -1.5e-3 }, { a: ['\u0000\\"', null, true, false] }] });
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 5, 8, 13]) expect(await readAll(splitBytes(bytes, size))).toEqual(JSON.parse(text).objects);
  });

  it('takes text chunks mixed with byte chunks', async () => {
    const bytes = new TextEncoder().encode('{"objects":[{"é":');
    expect(await readAll([bytes.subarray(0, 14), bytes.subarray(14), '"ü"}', ']}'])).toEqual([{ é: 'ü' }]);
  });
});

describe('the bundle envelope', () => {
  it('reports the other members and the end of the objects list', async () => {
    const members: [string, unknown][] = [];
    const ends: number[] = [];
    const options: ReadBundleOptions = { onMember: (name, value) => members.push([name, value]), onObjectsEnd: (n) => ends.push(n) };
    const objects = await readAll(['{"type":"bundle","id":"bundle--1","objects":[{"a":1},{"b":2}],"x_note":{"k":[1]}}'], options);
    expect(objects).toEqual([{ a: 1 }, { b: 2 }]);
    expect(members).toEqual([['type', 'bundle'], ['id', 'bundle--1'], ['x_note', { k: [1] }]]);
    expect(ends).toEqual([2]);
  });

  it('tells the end of the objects list from the end of a member that is a list', async () => {
    const ends: number[] = [];
    const members: [string, unknown][] = [];
    const objects = await readAll(['{"x_tags":[1,[2]],"objects":[[3]],"x_after":[]}'], { onObjectsEnd: (n) => ends.push(n), onMember: (name, value) => members.push([name, value]) });
    expect(objects).toEqual([[3]]);
    expect(ends).toEqual([1]);
    expect(members).toEqual([['x_tags', [1, [2]]], ['x_after', []]]);
  });

  it('accepts a TAXII envelope (no type), a bundle without objects, an empty list and a byte-order mark', async () => {
    expect(await readAll(['{"more":false,"objects":[{"a":1}]}'])).toEqual([{ a: 1 }]);
    expect(await readAll(['{"type":"bundle","id":"bundle--1"}'])).toEqual([]);
    const ends: number[] = [];
    expect(await readAll(['{"objects":[ ]}'], { onObjectsEnd: (n) => ends.push(n) })).toEqual([]);
    expect(ends).toEqual([0]);
    expect(await readAll(['\uFEFF{"objects":[1]}'])).toEqual([1]);
  });

  it.each([
    ['[{"type":"indicator"}]', 'bundle.not_an_object', 0],
    ['"bundle"', 'bundle.not_an_object', 0],
    ['{"type":"indicator","objects":[]}', 'bundle.wrong_type', 19],
    ['{"objects":{"a":1}}', 'bundle.objects_not_a_list', 11],
    ['{"objects":[],"objects":[{"a":1}]}', 'bundle.duplicate_member', 23],
  ])('refuses %s (%s at byte %i)', async (text, code, offset) => {
    const { error } = await readUntilError(text);
    expect(error.code).toBe(code);
    expect(error.offset).toBe(offset);
    expect(error.message).toMatch(/^not a STIX bundle at byte/);
  });

  it('stops at a wrong type given after the objects, having yielded them', async () => {
    const { objects, error } = await readUntilError('{"objects":[{"a":1}],"type":"report"}');
    expect(objects).toEqual([{ a: 1 }]);
    expect(error.code).toBe('bundle.wrong_type');
  });
});

describe('malformed JSON', () => {
  it.each([
    ['', 0, 1, 1, 'a JSON object (a STIX bundle)', 'an empty input'],
    ['{"objects":[{"a":1},{"b":tru}]}', 28, 1, 29, '"true"', '"}"'],
    ['{"objects":[1,2,]}', 16, 1, 17, 'a value', '"]"'],
    ['{"objects":[1 2]}', 14, 1, 15, "',' or ']'", '"2"'],
    ['{"objects" [1]}', 11, 1, 12, "':'", '"["'],
    ['{objects:[]}', 1, 1, 2, "a property name in double quotes or '}'", '"o"'],
    ['{"x":"\\q"}', 7, 1, 8, 'an escape character (one of " \\ / b f n r t u)', '"q"'],
    ['{"x":"\\u12G4"}', 10, 1, 11, 'a hexadecimal digit', '"G"'],
    ['{"x":01}', 6, 1, 7, "',' or '}'", '"1"'],
    ['{"x":1.}', 7, 1, 8, 'a digit', '"}"'],
    ['{"x":1e}', 7, 1, 8, 'a digit', '"}"'],
    ['{"x":-}', 6, 1, 7, 'a digit', '"}"'],
    ['{"objects":[]} x', 15, 1, 16, 'end of input', '"x"'],
    ['{"objects":[\n{"é":"ü"}\n,\n{"k": "\u0001"}]}', 34, 4, 8, 'a character other than a control character (escape it)', '"\\u0001"'],
    ['{"objects":[{"a":"b', 19, 1, 20, "'\"' (the end of the string)", 'end of input'],
    ['{"objects":[{"a":1}', 19, 1, 20, "',' or ']'", 'end of input'],
    ['{"objects":[12', 14, 1, 15, "',' or ']'", 'end of input'],
    ['{"objects":[{"a":1.5e', 21, 1, 22, 'a digit', 'end of input'],
  ])('%j fails at byte %i (line %i, column %i), expecting %s', async (text, offset, line, column, expected, found) => {
    const { error } = await readUntilError(text);
    expect({ code: error.code, offset: error.offset, line: error.line, column: error.column, expected: error.expected, found: error.found }).toEqual({
      code: 'json.syntax',
      offset,
      line,
      column,
      expected,
      found,
    });
    expect(error.message).toBe(`malformed JSON at byte ${offset} (line ${line}, column ${column}): expected ${expected}, found ${found}`);
  });

  it('yields every object before the fault, in the same chunk as the fault too', async () => {
    const { objects, error } = await readUntilError('{"objects":[{"a":1},{"b":[2]},{"c":}]}');
    expect(objects).toEqual([{ a: 1 }, { b: [2] }]);
    expect(error.offset).toBe(35);
  });

  it('counts bytes, not characters, in offsets', async () => {
    const { error } = await readUntilError('{"objects":[{"名前":"😀"} x]}');
    expect(error.offset).toBe(Buffer.byteLength('{"objects":[{"名前":"😀"} '));
    expect(error.column).toBe('{"objects":[{"名前":"😀"} '.length + 1);
  });

  it('reports a file cut inside a multi-byte character as cut short, at its last byte', async () => {
    const bytes = new TextEncoder().encode('{"type":"bundle","objects":[{"name":"ثقة"}]}');
    const cut = bytes.subarray(0, bytes.indexOf(0xd8) + 1);
    const error = await readAll([cut]).then(() => undefined, (e: unknown) => e as BundleReadError);
    expect(error).toMatchObject({ code: 'json.syntax', found: 'end of input', offset: cut.length });
  });

  it('reports bytes that are not UTF-8', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('{"objects":["'), 0xff, 0xfe, ...new TextEncoder().encode('"]}')]);
    const { error } = await readUntilError(bytes);
    expect(error.code).toBe('json.invalid_utf8');
    expect(error.message).toMatch(/^not UTF-8 text at byte 0:/);
  });
});

describe('reading a source', () => {
  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        yield '{"objects":[{"a":1},';
        yield '{"b":2},';
        yield '{"c":3}]}';
      } finally {
        closed = true;
      }
    }
    for await (const object of readBundleObjects(source())) {
      expect(object).toEqual({ a: 1 });
      break;
    }
    expect(closed).toBe(true);
  });

  it('passes errors of the source through unchanged', async () => {
    async function* failing() {
      yield '{"objects":[';
      throw new Error('disk on fire');
    }
    await expect(readAll(failing())).rejects.toThrow('disk on fire');
  });
});

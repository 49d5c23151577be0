/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). Numbers and strings use the ECMAScript serialisation that JCS is
 * built on (`JSON.stringify` of a primitive is exactly that); object members are sorted by their UTF-16 code
 * units, which is what JavaScript's default string comparison does.
 */

function fail(reason: string): never {
  throw new TypeError(`Cannot canonicalize: ${reason}`);
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

function quote(text: string): string {
  // I-JSON (which JCS requires) forbids strings that are not valid Unicode.
  if (hasLoneSurrogate(text)) fail('a string holds a lone UTF-16 surrogate');
  return JSON.stringify(text);
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(`${value} is not a JSON number`);
      return JSON.stringify(value); // -0 becomes "0", as JCS requires
    case 'string':
      return quote(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          out += item === undefined ? 'null' : write(item);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (i > 0) out += ',';
        out += `${quote(key)}:${write(record[key])}`;
      }
      return `${out}}`;
    }
    default:
      return fail(`a ${typeof value} is not JSON`);
  }
}

/**
 * The RFC 8785 canonical form of a JSON value.
 * @throws TypeError for values JSON cannot carry (NaN, Infinity, bigint, functions, top-level undefined) and for
 *   strings with lone surrogates. Members whose value is `undefined` are left out, as `JSON.stringify` does.
 * @example canonicalJson({ b: 1, a: [true, 'x'] }) // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) fail('undefined is not JSON');
  return write(value);
}

import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson (RFC 8785)', () => {
  it('serialises the RFC 8785 §3.2.2 sample (numbers, escapes, literals)', () => {
    const input = JSON.parse('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], '
      + '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}');
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
      + '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts properties by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = JSON.parse('{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", '
      + '"1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}');
    expect(canonicalJson(input)).toBe('{"\\r":"Carriage Return","1":"One","\u0080":"Control",'
      + '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face",'
      + '"\ufb33":"Hebrew Letter Dalet With Dagesh"}');
  });

  it('matches the reference implementation test vector "weird"', () => {
    const input = { '\u20ac': 'Euro Sign', 1: 'One', '\u0080': 'Control\u007f', '\ud83d\ude02': 'Smiley',
      '\u00f6': 'Latin Small Letter O With Diaeresis', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '</script>': 'Browser Challenge' };
    expect(canonicalJson(input)).toBe('{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f",'
      + '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude02":"Smiley",'
      + '"\ufb33":"Hebrew Letter Dalet With Dagesh"}');
  });

  it.each([
    [0, '0'], [-0, '0'], [1e21, '1e+21'], [1e-7, '1e-7'], [0.000001, '0.000001'], [5e-324, '5e-324'],
    [9007199254740992, '9007199254740992'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    [295147905179352830000, '295147905179352830000'], [-1.5, '-1.5'],
  ])('writes the number %s as %s (ECMAScript form)', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('nests, keeps array order and skips undefined members', () => {
    expect(canonicalJson({ b: [3, { d: 1, c: undefined, a: 'x' }], a: null })).toBe('{"a":null,"b":[3,{"a":"x","d":1}]}');
  });

  it.each([
    ['NaN', Number.NaN], ['Infinity', Infinity], ['a bigint', 1n], ['a function', () => 1], ['undefined', undefined],
    ['a lone surrogate', '\ud800'], ['a lone surrogate key', { '\udc00': 1 }],
  ])('refuses %s', (_description, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

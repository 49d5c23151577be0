// The substring automaton against a naive oracle (`includes` of every entry), and the pieces the index is made
// of: regex entries compiled safely, MISP attribute types mapped to kinds, the values of STIX objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashAlgorithmName, kindsOfAttribute, kindsOfList } from './matching-attributes.ts';
import { objectValues } from './object-values.ts';
import { compileRegexEntry } from './regex-entry.ts';
import { SubstringAutomaton } from './substring-automaton.ts';

const runs = Number(process.env.THIQA_PROPERTY_RUNS ?? 300);

describe('SubstringAutomaton', () => {
  it('finds exactly the entries that occur in the value, with their lists', () => {
    // A small alphabet, so entries overlap, nest and share suffixes (the fail links' hard cases).
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', '@'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 30 }), fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', '@', 'x'), maxLength: 40 }), { maxLength: 10 }), (entries, values) => {
        const map = new Map(entries.map((e, i) => [e, [i % 3]]));
        const automaton = new SubstringAutomaton(map);
        for (const value of values) {
          const found = automaton.find(value).map(([text, lists]) => `${text}:${lists.join()}`).sort();
          const expected = entries.filter((e) => value.includes(e)).map((e) => `${e}:${map.get(e)!.join()}`).sort();
          expect(found).toEqual(expected);
        }
      }),
      { numRuns: runs },
    );
  });
});

describe('compileRegexEntry', () => {
  it('compiles PCRE entries with their flags, dropping g', () => {
    const entry = compileRegexEntry('/^(security|noc|soc|abuse)\\@.*\\..*$/i');
    expect(entry.ok && entry.regex.test('NOC@example.org')).toBe(true);
    const global = compileRegexEntry('/55501/g');
    expect(global.ok && [global.regex.test('x55501'), global.regex.test('x55501')]).toEqual([true, true]);
    expect(compileRegexEntry('#^a/b$#').ok).toBe(true);
  });

  it('refuses entries it cannot run safely, saying why', () => {
    const reason = (entry: string) => {
      const result = compileRegexEntry(entry);
      return result.ok ? 'compiled' : result.reason;
    };
    expect(reason('abc')).toContain('delimiters');
    expect(reason('/abc')).toContain('closing delimiter');
    expect(reason('/a b/x')).toContain('flag "x"');
    expect(reason('/(a+)+$/')).toContain('exponential');
    expect(reason('/(.*)*x/')).toContain('exponential');
    expect(reason('/(a|b*){2,}/')).toContain('exponential');
    expect(reason('/a++/')).toContain('JavaScript');
    expect(reason(`/${'a'.repeat(1001)}/`)).toContain('longer');
  });
});

describe('matching attributes', () => {
  it('maps MISP types, composite ones by their parts, to STIX value kinds', () => {
    expect(kindsOfAttribute('ip-dst|port')).toEqual(['ipv4-addr', 'ipv6-addr']);
    expect(kindsOfAttribute('domain|ip')).toEqual(['domain-name', 'ipv4-addr', 'ipv6-addr']);
    expect(kindsOfAttribute('filename|sha256')).toEqual(['file-name', 'file-hash:SHA-256']);
    expect(kindsOfAttribute('x509-fingerprint-sha1')).toEqual(['x509-fingerprint:SHA-1']);
    expect(kindsOfAttribute('phone-number')).toEqual([]);
    expect(kindsOfList([])).toBe('all');
    expect(kindsOfList(['ALL'])).toBe('all');
    expect([...(kindsOfList(['email-src', 'whois-registrant-email']) as Set<string>)]).toEqual(['email-addr']);
    expect(['sha256', 'SHA256', 'SHA-256', 'sha_256'].map(hashAlgorithmName)).toEqual(['SHA-256', 'SHA-256', 'SHA-256', 'SHA-256']);
  });
});

describe('objectValues', () => {
  it('reads observables, hashes, file names and indicator patterns; nothing of other objects', () => {
    expect(objectValues({ type: 'domain-name', value: 'a.example' })).toEqual([{ type: 'domain-name', value: 'a.example' }]);
    expect(objectValues({ type: 'file', name: 'x.exe', hashes: { MD5: 'ab', 'SHA-256': 'cd' } })).toEqual([
      { type: 'file-hash', value: 'ab', hashAlgorithm: 'MD5' },
      { type: 'file-hash', value: 'cd', hashAlgorithm: 'SHA-256' },
      { type: 'file-name', value: 'x.exe' },
    ]);
    expect(objectValues({ type: 'indicator', pattern_type: 'stix', pattern: "[url:value = 'http://a.example/']" })).toEqual([{ type: 'url', value: 'http://a.example/' }]);
    expect(objectValues({ type: 'indicator', pattern_type: 'sigma', pattern: "[url:value = 'http://a.example/']" })).toEqual([]);
    expect(objectValues({ type: 'malware', name: '10.0.0.1' })).toEqual([]);
    expect(objectValues({ type: 'ipv4-addr' })).toEqual([]);
  });
});

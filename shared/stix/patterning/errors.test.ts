// Invalid STIX patterns and the exact error each gives: the 1-based column, what the grammar or a rule of §9
// expected there, and what was found — syntax errors of every production, bad constants, and the semantic rules.
import { describe, expect, it } from 'vitest';
import { expectationText } from './expectations.ts';
import { parsePattern, patternProblem } from './index.ts';

/** [pattern, column, expected, found] */
const INVALID: [string, number, string[], string][] = [
  ['', 1, ["'['", "'('"], 'end of pattern'],
  ['   ', 4, ["'['", "'('"], 'end of pattern'],
  ["file:name = 'a'", 1, ["'['", "'('"], "'file'"],
  ["[file:name = 'a'", 17, ['AND', 'OR', "']'"], 'end of pattern'],
  ["[file:name = 'a']]", 18, ['an observation operator', 'a qualifier', 'end of pattern'], "']'"],
  ['[file:name foo]', 12, ['a comparison operator'], "'foo'"],
  ["[file:name = 'a' foo]", 18, ['AND', 'OR', "']'"], "'foo'"],
  ['[file:name = ]', 14, ['a constant'], "']'"],
  ["[file:name = 'a] ", 14, ['a closing quote'], 'end of pattern'],
  ["[file:name = 'a\\n']", 16, ["\\'", '\\\\'], "'\\n'"],
  ["[= 'a']", 2, ['an object path', 'EXISTS', "'('"], "'='"],
  ['[]', 2, ['an object path', 'EXISTS', "'('"], "']'"],
  ["[file = 'a']", 7, ["':' after the object type"], "'='"],
  ["[file: = 'a']", 8, ['a property name (letters, digits and _, or quoted)'], "'='"],
  ["[file:name-x = 'a']", 7, ['a property name (letters, digits and _, or quoted)'], "'name-x'"],
  ["[file:.name = 'a']", 7, ['a property name (letters, digits and _, or quoted)'], "'.'"],
  ["[file:name. = 'a']", 13, ['a property name (letters, digits and _, or quoted)'], "'='"],
  ["[file:a[x] = 'a']", 9, ["'*'", 'a list index'], "'x'"],
  ["[file:a[1 = 'a']", 11, ["']'"], "'='"],
  ["[file:a[1.5] = 'a']", 9, ["'*'", 'a list index'], "'1.5'"],
  ["[file:name = 'a'] AND", 22, ["'['", "'('"], 'end of pattern'],
  ["[file:name = 'a'] FOLLOWEDBY", 29, ["'['", "'('"], 'end of pattern'],
  ["[file:name = 'a'] and [file:name = 'b']", 19, ['an observation operator', 'a qualifier', 'end of pattern'], "'and'"],
  ["[file:name = 'a' and file:size = 1]", 18, ['AND', 'OR', "']'"], "'and'"],
  ["[file:name = 'a'] [file:name = 'b']", 19, ['an observation operator', 'a qualifier', 'end of pattern'], "'['"],
  ["([file:name = 'a']", 19, ['an observation operator', 'a qualifier', "')'"], 'end of pattern'],
  ["([file:name = 'a']))", 20, ['an observation operator', 'a qualifier', 'end of pattern'], "')'"],
  ["[file:name = 'a'] WITHIN SECONDS", 26, ['a number of seconds'], "'SECONDS'"],
  ["[file:name = 'a'] WITHIN 5", 27, ["'SECONDS'"], 'end of pattern'],
  ["[file:name = 'a'] WITHIN 5 MINUTES", 28, ["'SECONDS'"], "'MINUTES'"],
  ["[file:name = 'a'] WITHIN 0 SECONDS", 19, ['a positive number of seconds'], "'WITHIN 0 SECONDS'"],
  ["[file:name = 'a'] WITHIN -1 SECONDS", 19, ['a positive number of seconds'], "'WITHIN -1 SECONDS'"],
  ["[file:name = 'a'] REPEATS 0 TIMES", 19, ['a positive whole number of times'], "'REPEATS 0 TIMES'"],
  ["[file:name = 'a'] REPEATS 2.5 TIMES", 27, ['a whole number of times'], "'2.5'"],
  ["[file:name = 'a'] REPEATS -2 TIMES", 19, ['a positive whole number of times'], "'REPEATS -2 TIMES'"],
  ["[file:name = 'a'] REPEATS 2", 28, ["'TIMES'"], 'end of pattern'],
  ["[file:name = 'a'] START '2016-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'", 25, ["a timestamp t'…'"], "'2016-01-01T00:00:00Z'"],
  ["[file:name = 'a'] START t'2016-01-01T00:00:00Z'", 48, ["'STOP'"], 'end of pattern'],
  ["[file:name = 'a'] START t'2017-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z'", 19, ['a STOP later than START'], "'START t'2017-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z''"],
  ["[file:name = 'a'] START t'2016-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z'", 19, ['a STOP later than START'], "'START t'2016-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z''"],
  ["[file:name = 'a'] START t'2016-13-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'", 19, ['a real date and time'], "'START t'2016-13-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z''"],
  ["[file:created = t'2016-02-30T00:00:00Z']", 17, ['a real date and time'], "t'2016-02-30T00:00:00Z'"],
  ["[file:created = t'2016-01-01 00:00:00Z']", 17, ["a timestamp 'YYYY-MM-DDTHH:MM:SS[.s]Z'"], "t'2016-01-01 00:00:00Z'"],
  ["[file:created = t'2016-01-01T00:00:00']", 17, ["a timestamp 'YYYY-MM-DDTHH:MM:SS[.s]Z'"], "t'2016-01-01T00:00:00'"],
  ["[file:created = t'2016-01-01T00:00:00+01:00']", 17, ["a timestamp 'YYYY-MM-DDTHH:MM:SS[.s]Z'"], "t'2016-01-01T00:00:00+01:00'"],
  ["[file:magic_number_hex = h'abc']", 26, ['an even number of hex digits'], "h'abc'"],
  ["[file:magic_number_hex = h'zz']", 26, ['an even number of hex digits'], "h'zz'"],
  ["[artifact:payload_bin = b'abc']", 25, ['base64 (RFC 4648)'], "b'abc'"],
  ["[artifact:payload_bin = b'a$==']", 25, ['base64 (RFC 4648)'], "b'a$=='"],
  ['[file:size = 01]', 14, ['an integer without leading zeros'], "'01'"],
  ['[file:size = 1.]', 15, ['AND', 'OR', "']'"], "'.'"],
  ['[file:name LIKE 5]', 17, ['a string after LIKE'], "'5'"],
  ['[file:name MATCHES true]', 20, ['a string after MATCHES'], "'true'"],
  ['[ipv4-addr:value ISSUBSET 5]', 27, ['a string after ISSUBSET'], "'5'"],
  ["[ipv4-addr:value ISSUBSET 'example.com']", 27, ['an IP address or CIDR block'], "'example.com'"],
  ["[ipv4-addr:value ISSUPERSET '10.0.0.0/33']", 29, ['an IP address or CIDR block'], "'10.0.0.0/33'"],
  ['[file:size > true]', 14, ['an orderable constant after > (string, number, binary, hex or timestamp)'], "'true'"],
  ["[file:name IN 'a']", 15, ["'(' starting a list of constants"], "'a'"],
  ["[file:name IN ('a' 'b')]", 20, ["','", "')'"], "'b'"],
  ["[file:name IN ('a',)]", 20, ['a constant'], "')'"],
  ["[file:name IN ('a', 'b']", 24, ["','", "')'"], "']'"],
  ["[file:name NOT 'a']", 16, ['a comparison operator after NOT'], "'a'"],
  ["[file:name NOT NOT = 'a']", 16, ['a comparison operator after NOT'], "'NOT'"],
  ["[NOT file:name = 'a']", 2, ['an object path', 'EXISTS', "'('"], "'NOT'"],
  ["[file:name = 'a' AND url:value = 'b']", 22, ['comparisons on file only'], "'url:value = 'b''"],
  ["[file:name = 'a' AND (file:size = 1 OR url:value = 'b')]", 22, ['comparisons on file only'], "'(file:size = 1 OR url:value = 'b')'"],
  ["[(file:name = 'a' OR url:value = 'b') AND file:size = 1]", 43, ['comparisons on file only'], "'file:size = 1'"],
  ["[Foo:name = 'a']", 2, ['an object type name (3 to 250 characters of a-z, 0-9 and -, starting with a letter)'], "'Foo:name'"],
  ["[ab:name = 'a']", 2, ['an object type name (3 to 250 characters of a-z, 0-9 and -, starting with a letter)'], "'ab:name'"],
  ["[file--x:name = 'a']", 2, ['an object type name (3 to 250 characters of a-z, 0-9 and -, starting with a letter)'], "'file--x:name'"],
  ["[-file:name = 'a']", 2, ['a STIX pattern token'], "'-'"],
  ["[file:name = 'a' # ]", 18, ['a STIX pattern token'], "'#'"],
  ['[file:name = "a"]', 14, ['a STIX pattern token'], '\'"\''],
  ["[file:name = 'a'] OR", 21, ["'['", "'('"], 'end of pattern'],
  ["[file:name = 'a'] AND ()", 24, ["'['", "'('"], "')'"],
  ['[EXISTS]', 8, ['an object type'], "']'"],
  ["[EXISTS 'a']", 9, ['an object type'], "'a'"],
  ['[file:name = TRUE]', 14, ['a constant'], "'TRUE'"],
  ["[file:name = 'a'] WITHIN 5 SECONDS REPEATS", 43, ['a whole number of times'], 'end of pattern'],
  ["[file:name = 'x\\q']", 16, ["\\'", '\\\\'], "'\\q'"],
  ["[file:name = 'a'\n AND url:value = 'b']", 6, ['comparisons on file only'], "'url:value = 'b''"],
  ["[file:name === 'a']", 14, ['a constant'], "'='"],
  ["[file:name => 'a']", 13, ['a constant'], "'>'"],
  ["[file:name = 'a'] /* open", 19, ["'*/'"], 'end of pattern'],
  ["[file:name ! 'a']", 12, ['a STIX pattern token'], "'!'"],
];

describe('invalid STIX patterns', () => {
  it.each(INVALID)('%j', (source, column, expected, found) => {
    const result = parsePattern(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ position: { column }, found });
    expect(result.error.expected.map(expectationText)).toEqual(expected);
    expect(result.error.message).toMatch(new RegExp(`^at (line \\d+, )?column ${column}: `));
  });

  it('gives the 0-based offset and the line as well as the column', () => {
    expect(patternProblem("[file:name = 'a']\nAND [file:size = 1] foo")?.position).toEqual({ offset: 38, line: 2, column: 21 });
    expect(patternProblem('[file:name foo]')?.position).toEqual({ offset: 11, line: 1, column: 12 });
  });

  it('says what was expected in words', () => {
    expect(patternProblem('[file:name foo]')?.message).toBe("at column 12: expected a comparison operator, found 'foo'");
    expect(patternProblem("[file:name = 'a' foo]")?.message).toBe("at column 18: expected AND, OR or ']', found 'foo'");
  });

  it('refuses nesting deeper than the bound instead of exhausting the stack', () => {
    const deep = `${'('.repeat(5000)}[file:size = 1]${')'.repeat(5000)}`;
    expect(patternProblem(deep)?.message).toContain('nested more than 100 deep');
    const comparisons = `[${'('.repeat(5000)}file:size = 1${')'.repeat(5000)}]`;
    expect(patternProblem(comparisons)?.message).toContain('nested more than 100 deep');
    expect(patternProblem(`${'('.repeat(99)}[file:size = 1]${')'.repeat(99)}`)).toBeUndefined();
  });

  it('reads long chains of operators without recursion trouble', () => {
    const chain = Array.from({ length: 2000 }, (_, i) => `[file:size = ${i}]`).join(' OR ');
    expect(patternProblem(chain)).toBeUndefined();
  });
});

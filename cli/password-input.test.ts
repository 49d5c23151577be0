import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readFirstLine } from './password-input.ts';

describe('readFirstLine', () => {
  it.each([
    [['secret\n'], 'secret'],
    [['sec', 'ret\r\nnext line\n'], 'secret'],
    [['no newline at all'], 'no newline at all'],
    [[], ''],
    [['  spaces kept  \n'], '  spaces kept  '],
  ])('reads %j as %j', async (chunks, expected) => {
    expect(await readFirstLine(Readable.from(chunks.map((c) => Buffer.from(c))))).toBe(expected);
  });

  it('stops reading after the first line', async () => {
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled++;
          yield Buffer.from('line\n');
        }
      })(),
    );
    expect(await readFirstLine(endless)).toBe('line');
    expect(pulled).toBeLessThan(20);
  });
});

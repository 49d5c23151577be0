/**
 * Reading a password without putting it on the command line (where `ps` and shell history would keep it):
 * the first line of stdin when it is piped (`echo "$PW" | thiqa user add alice`), a prompt without echo
 * when stdin is a terminal.
 */
import type { Readable } from 'node:stream';
import { usageError } from './command-context.ts';

/** The first line of a piped stdin, without its line ending. */
export async function readFirstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    // Leaving the loop early destroys the stream: the rest of the input is not needed.
    if (text.includes('\n')) break;
  }
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** Asks on the terminal, echoing nothing; Ctrl-C leaves with the conventional status 130. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (character === '\u0003') {
          finish();
          process.exit(130);
        }
        if (character === '\u007f' || character === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (character >= ' ') value += character;
      }
    };
    process.stderr.write(prompt);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/**
 * The new password of `userName`: asked twice on a terminal, else read from stdin's first line.
 * @throws DomainError `usage.password_missing` when stdin is empty, `usage.password_mismatch` when the two
 *   typed passwords differ. (Length rules are the user service's.)
 */
export async function readNewPassword(userName: string): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden(`Password for ${userName}: `);
    const second = await promptHidden('Repeat the password: ');
    if (first !== second) throw usageError('usage.password_mismatch', 'the two passwords differ');
    return first;
  }
  const password = await readFirstLine(process.stdin);
  if (password === '') {
    throw usageError('usage.password_missing', `no password on standard input: pipe it (echo "…" | thiqa user add ${userName}) or run in a terminal`);
  }
  return password;
}

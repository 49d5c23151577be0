/**
 * Password hashing with scrypt, a memory-hard KDF: each guess costs an attacker ~32 MiB of memory as well as
 * time, which blunts GPU and ASIC cracking of a stolen `users` table.
 *
 * The stored form describes itself — `scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>` — so the cost can
 * be raised later without breaking existing hashes: verification reads the parameters from the value.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { invalid } from '../errors.ts';

/** Shortest password accepted, in Unicode code points. */
export const MIN_PASSWORD_LENGTH = 8;

const SCHEME = 'scrypt';
const LOG_N = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

// Bounds for parameters read back from storage, so a damaged or hostile row cannot make one verification
// allocate gigabytes or hang the thread pool.
const MAX_LOG_N = 20;
const MAX_BLOCK_SIZE = 32;
const MAX_PARALLELISM = 16;

interface Parameters {
  logN: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, keyLength: number, { logN, r, p }: Parameters): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs about 128·N·r bytes; twice that leaves room for Node's own bookkeeping.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes a password for storage. Passwords are NFC-normalised first, so the same Arabic or accented text
 * typed on different keyboards matches.
 *
 * @throws DomainError kind `invalid`, code `user.password_too_short`, when shorter than 8 characters.
 * @example await hashPassword('correct horse') // 'scrypt$15$8$1$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw invalid('user.password_too_short', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, {
      min: MIN_PASSWORD_LENGTH,
      field: 'password',
    });
  }
  const parameters = { logN: LOG_N, r: BLOCK_SIZE, p: PARALLELISM };
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, parameters);
  return [SCHEME, LOG_N, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

function whole(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d{1,3}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

function parse(stored: string): { parameters: Parameters; salt: Buffer; key: Buffer } | undefined {
  const [scheme, logN, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== SCHEME || rest.length > 0 || salt === undefined || key === undefined) return undefined;
  const parameters = { logN: whole(logN, 1, MAX_LOG_N), r: whole(r, 1, MAX_BLOCK_SIZE), p: whole(p, 1, MAX_PARALLELISM) };
  if (parameters.logN === undefined || parameters.r === undefined || parameters.p === undefined) return undefined;
  const saltBytes = Buffer.from(salt, 'base64');
  const keyBytes = Buffer.from(key, 'base64');
  if (saltBytes.length === 0 || keyBytes.length < 16) return undefined;
  return { parameters: parameters as Parameters, salt: saltBytes, key: keyBytes };
}

/**
 * Checks a password against a value made by `hashPassword` (with whatever parameters it was made with).
 * Comparison is constant-time. Answers false for any wrong password, including too short ones.
 *
 * @throws Error when `stored` is not a hash this module understands (a damaged row, not a wrong password).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) throw new Error('the stored password hash is not in a recognised format');
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.parameters);
  return timingSafeEqual(key, parsed.key);
}

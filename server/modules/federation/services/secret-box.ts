/**
 * Peer credentials sealed at rest: AES-256-GCM with a key that is not in the database — the configured
 * `THIQA_FEDERATION_KEY` (64 hex digits), else a key file `federation.key` in the data directory, made on first
 * use (mode 0600). A dump of the database alone does not give the credentials away; the data directory (or
 * the configuration) with it does.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { invalid } from '../../../core/errors.ts';

const KEY_FILE = 'federation.key';

export class SecretBox {
  private readonly configuredKey: string | undefined;
  private readonly dataDir: string;
  private key: Buffer | undefined;

  /** `configuredKey`: hex, from the configuration; `dataDir`: where the key file lives otherwise. */
  constructor(configuredKey: string | undefined, dataDir: string) {
    this.configuredKey = configuredKey;
    this.dataDir = dataDir;
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyBytes(), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** @throws DomainError invalid `peer.secret_unreadable` when the key is not the one that sealed it. */
  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    try {
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown form');
      const decipher = createDecipheriv('aes-256-gcm', this.keyBytes(), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw invalid('peer.secret_unreadable', 'the credentials of this peer cannot be read with this hub’s federation key: add the peer again with its credentials');
    }
  }

  private keyBytes(): Buffer {
    if (this.key) return this.key;
    if (this.configuredKey !== undefined) {
      this.key = Buffer.from(this.configuredKey, 'hex');
      return this.key;
    }
    const file = path.join(this.dataDir, KEY_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(this.dataDir, { recursive: true });
      try {
        fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another process made it first: use theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    this.key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    return this.key;
  }
}

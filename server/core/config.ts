/**
 * The one typed configuration of Thiqa. Values come from explicit options (CLI flags) first, then the
 * environment; nothing else in the code base reads `process.env`. Invalid values fail fast with a message
 * naming the variable.
 */
import path from 'node:path';
import { invalid } from './errors.ts';

export interface Config {
  /** `sqlite:<file>` or a `postgres://` URL. */
  databaseUrl: string;
  /** Folder for the embedded database and other local state (absolute). */
  dataDir: string;
  host: string;
  port: number;
  /** Largest request body the TAXII API takes, in bytes (advertised as `max_content_length`). */
  maxContentLength: number;
  /** Default and largest page sizes for TAXII lists. */
  pageDefault: number;
  pageMax: number;
  /** Public base URL of the server, used in discovery; derived from host and port when unset. */
  publicUrl: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Hub-to-hub federation (server/modules/federation). */
  federation: FederationConfig;
  /** Alerts (server/modules/alerts). */
  alerts: AlertConfig;
}

export interface AlertConfig {
  /** The SMTP server e-mail alerts go through (`THIQA_SMTP_URL`, smtp://host:port); none: e-mail alerts wait. */
  smtpUrl: string | undefined;
  /** The sender of e-mail alerts (`THIQA_SMTP_FROM`, default thiqa@localhost). */
  smtpFrom: string;
}

export interface FederationConfig {
  /** AES-256 key (64 hex digits) sealing peer credentials (`THIQA_FEDERATION_KEY`); else a key file in `dataDir`. */
  key: string | undefined;
  /** Run the sync inside `thiqa serve` (`THIQA_SYNC=1`). */
  syncOnServe: boolean;
  /** Seconds between runs of a scheduled link (`THIQA_SYNC_INTERVAL`, default 60). */
  intervalSeconds: number;
  /** Milliseconds between polls of a continuous link (`THIQA_SYNC_POLL_MS`, default 500). */
  pollMs: number;
  /** Objects per page read from or sent to a peer (`THIQA_SYNC_PAGE`, default 1,000). */
  pageSize: number;
  /**
   * Seconds at least between two comparisons of a pull link's peer manifest with what it delivered, for
   * deletions on the peer (`THIQA_SYNC_RECONCILE`, default 300; 0: at every run).
   */
  reconcileSeconds: number;
}

export interface ConfigOverrides {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  host?: string | undefined;
  port?: number | string | undefined;
  publicUrl?: string | undefined;
}

type Env = Record<string, string | undefined>;

function integer(name: string, raw: string | number | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid('config.invalid_integer', `${name} must be a whole number from ${min} to ${max}, got "${raw}"`, {
      name,
      value: String(raw),
    });
  }
  return value;
}

function databaseUrlFor(raw: string | undefined, dataDir: string): string {
  if (!raw) return `sqlite:${path.join(dataDir, 'thiqa.db')}`;
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://') || raw.startsWith('sqlite:')) return raw;
  throw invalid('config.invalid_database_url', `the database URL must start with postgres://, postgresql:// or sqlite:, got "${raw}"`, {
    value: raw,
  });
}

function smtpUrlOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (/^smtps?:\/\/[^/]+/.test(raw) && URL.canParse(raw)) return raw;
  throw invalid('config.invalid_smtp_url', `THIQA_SMTP_URL must be smtp://host:port or smtps://host:port, got "${raw}"`, { value: raw });
}

/** Builds the configuration; `env` defaults to the process environment. Throws `DomainError` (kind invalid). */
export function loadConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const dataDir = path.resolve(overrides.dataDir ?? env.THIQA_DATA_DIR ?? 'data');
  const logLevel = env.THIQA_LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw invalid('config.invalid_log_level', `THIQA_LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  }
  const pageMax = integer('THIQA_PAGE_MAX', env.THIQA_PAGE_MAX, 10_000, 1, 100_000);
  const key = env.THIQA_FEDERATION_KEY;
  if (key !== undefined && key !== '' && !/^[0-9a-fA-F]{64}$/.test(key)) {
    throw invalid('config.invalid_federation_key', 'THIQA_FEDERATION_KEY must be 64 hexadecimal digits (a 256-bit key)');
  }
  const sync = env.THIQA_SYNC ?? '0';
  if (sync !== '0' && sync !== '1') throw invalid('config.invalid_flag', `THIQA_SYNC must be 0 or 1, got "${sync}"`, { name: 'THIQA_SYNC', value: sync });
  return {
    dataDir,
    // An explicit --data names the embedded store, even when DATABASE_URL is set in the environment.
    databaseUrl: databaseUrlFor(overrides.databaseUrl ?? (overrides.dataDir === undefined ? env.DATABASE_URL : undefined), dataDir),
    host: overrides.host ?? env.THIQA_HOST ?? '127.0.0.1',
    port: integer('port', overrides.port ?? env.THIQA_PORT, 8080, 0, 65_535),
    maxContentLength: integer('THIQA_MAX_CONTENT_LENGTH', env.THIQA_MAX_CONTENT_LENGTH, 32 * 1024 * 1024, 1024, 2 ** 31),
    pageDefault: Math.min(pageMax, integer('THIQA_PAGE_DEFAULT', env.THIQA_PAGE_DEFAULT, 1_000, 1, 100_000)),
    pageMax,
    publicUrl: overrides.publicUrl ?? env.THIQA_PUBLIC_URL,
    logLevel: logLevel as Config['logLevel'],
    federation: {
      key: key || undefined,
      syncOnServe: sync === '1',
      intervalSeconds: integer('THIQA_SYNC_INTERVAL', env.THIQA_SYNC_INTERVAL, 60, 1, 86_400),
      pollMs: integer('THIQA_SYNC_POLL_MS', env.THIQA_SYNC_POLL_MS, 500, 10, 60_000),
      pageSize: integer('THIQA_SYNC_PAGE', env.THIQA_SYNC_PAGE, 1_000, 1, pageMax),
      reconcileSeconds: integer('THIQA_SYNC_RECONCILE', env.THIQA_SYNC_RECONCILE, 300, 0, 7 * 86_400),
    },
    alerts: { smtpUrl: smtpUrlOf(env.THIQA_SMTP_URL), smtpFrom: env.THIQA_SMTP_FROM || 'thiqa@localhost' },
  };
}

/**
 * Whether to show stack traces of unexpected errors (`THIQA_DEBUG=1`). Separate from `loadConfig` because
 * it must work when loading the configuration is what failed.
 */
export function debugEnabled(env: Env = process.env): boolean {
  return env.THIQA_DEBUG === '1';
}

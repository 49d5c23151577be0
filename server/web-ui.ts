/**
 * The web UI, served by the Thiqa server itself: the files Vite built into `web/dist` below `/ui/`, and the
 * UI's page for every other `/ui/…` address (the UI routes in the browser). Built files have content hashes
 * in their names, so they are cached for good; the page is never cached, so a new build shows at once.
 * `/` leads to the UI. When the UI has not been built, `/ui/` says so (`ui.not_built`) rather than 404.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env, Hono } from 'hono';
import { DomainError } from './core/errors.ts';

/** Where `npm run build` writes the UI. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

export const UI_BASE = '/ui';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** What a page of the UI may load and do: its own scripts, styles and API only; never framed by another site. */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

async function fileIn(dist: string, relative: string): Promise<string | undefined> {
  const path = normalize(join(dist, relative));
  if (!path.startsWith(dist.endsWith(sep) ? dist : dist + sep)) return undefined;
  const found = await stat(path).catch(() => undefined);
  return found?.isFile() ? path : undefined;
}

function notBuilt(): DomainError {
  return new DomainError('unavailable', 'ui.not_built', 'the web UI has not been built: run "npm run build" (npm install does it), then reload', {});
}

/** Mounts the UI on `app`: `/` → `/ui/`, built files below `/ui/assets/`, the page for the rest of `/ui/`. */
export function mountWebUi<E extends Env>(app: Hono<E>, dist = WEB_DIST): void {
  app.get('/', (c) => c.redirect(`${UI_BASE}/`, 302));
  app.get(`${UI_BASE}/assets/*`, async (c) => {
    const path = await fileIn(dist, c.req.path.slice(UI_BASE.length + 1));
    if (!path) return c.body('not found', 404, { 'content-type': 'text/plain; charset=utf-8' });
    return c.body(await readFile(path), 200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });
  const page = async () => {
    const path = await fileIn(dist, 'index.html');
    if (!path) throw notBuilt();
    return new Response(await readFile(path), { status: 200, headers: { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache', ...PAGE_HEADERS } });
  };
  // The app is not strict about a trailing slash: this serves `/ui` and `/ui/` alike.
  app.get(`${UI_BASE}/`, page);
  app.get(`${UI_BASE}/*`, page);
}

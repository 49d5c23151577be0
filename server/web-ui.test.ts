// The built web UI as the server serves it: assets cached for good, the page for every UI address with its
// security headers, `/` leading to it, nothing outside the build folder, and a clear answer when unbuilt.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from './core/errors.ts';
import { mountWebUi } from './web-ui.ts';

describe('the web UI below /ui/', () => {
  let dist: string;
  let app: Hono;
  beforeAll(() => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-ui-'));
    dist = path.join(root, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Thiqa</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the web');
    app = new Hono({ strict: false });
    mountWebUi(app, dist);
  });
  afterAll(() => fs.rmSync(path.dirname(dist), { recursive: true, force: true }));

  it('leads / to the UI', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/ui/');
  });

  it('answers the page for the UI itself and for each of its addresses, never cached, framed or sniffed', async () => {
    for (const address of ['/ui', '/ui/', '/ui/collections/x/objects/malware--1', '/ui/admin/users']) {
      const response = await app.request(address);
      expect(response.status, address).toBe(200);
      expect(await response.text()).toContain('<title>Thiqa</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves built assets with their type, cached for good; unknown ones are 404', async () => {
    const asset = await app.request('/ui/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/ui/assets/missing.js')).status).toBe(404);
  });

  it('serves nothing outside the build folder', async () => {
    for (const address of ['/ui/assets/..%2f..%2fsecret.txt', '/ui/assets/%2e%2e/%2e%2e/secret.txt']) {
      const response = await app.request(address);
      expect(await response.text(), address).not.toContain('not for the web');
    }
  });

  it('says the UI is not built, with a code, when there is no build', async () => {
    const unbuilt = new Hono();
    let caught: unknown;
    unbuilt.onError((error, c) => {
      caught = error;
      return c.text('error', 503);
    });
    mountWebUi(unbuilt, path.join(os.tmpdir(), 'thiqa-no-such-build'));
    expect((await unbuilt.request('/ui/')).status).toBe(503);
    expect(isDomainError(caught) && caught.code).toBe('ui.not_built');
  });
});

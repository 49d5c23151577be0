/**
 * The federation in the web UI, in a real browser against a real server: an administrator sees the peer hubs,
 * a link whose peer is down marked failing with the reason in the page's language (Arabic, right to left, the
 * peer's address kept left to right), what a peer sent that could not be stored, a version held back for
 * personal data (its kinds translated) which the administrator confirms, and removes the link in two steps;
 * an analyst has no such section.
 */
import net from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { ProvenanceRepository } from '../../server/modules/federation/repositories/provenance.repository.ts';
import { PersonalDataHoldRepository } from '../../server/modules/federation/repositories/personal-data-hold.repository.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, screenshot, signInAt, switchLanguage } from './browser.ts';

const ARABIC = /[\u0600-\u06FF]/;
const HELD = 'note--3c8e1f0a-6d2b-4f7e-9a51-2b0d4c6e8f13';

/** A port nothing listens on: the peer hub is down. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let server: TestServer;
let browser: Browser;
let linkId: string;
let peerUrl: string;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { platform } = server;
  await platform.users.addUser({ name: 'root', password: 'root-password', roles: ['platform-admin'] });
  const org = await platform.organisations.add(SYSTEM, { name: 'Regional hub', type: 'regional-international' });
  peerUrl = `http://127.0.0.1:${await closedPort()}/region/`;
  const peer = await platform.peers.add(SYSTEM, { name: 'regional', url: peerUrl, credentials: { kind: 'basic', user: 'national', password: 'secret-password' }, organisation: org.id });
  linkId = (await platform.links.add(SYSTEM, { peer: 'regional', remoteCollection: 'shared', localCollection: server.collectionId, direction: 'pull' })).id;
  const report = await platform.sync.syncLink(SYSTEM, linkId);
  expect(report.error?.code).toBe('taxii_remote.unreachable');
  await new ProvenanceRepository(platform.db).quarantine([
    { id: 'q1', peer_id: peer.id, link_id: linkId, received_at: Date.now(), stix_id: 'indicator--0b0c8a0e-4a38-4c59-9d0b-3d2f3c1f5b10', object_json: '{"type":"indicator"}', truncated: 0, reasons: JSON.stringify(['stix.required_property']) },
  ]);
  await new PersonalDataHoldRepository(platform.db).hold([{ link_id: linkId, stix_id: HELD, version: '20260101000000000000', date_added: 1, kinds: 'email,phone', held_at: Date.now() }]);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('federation in the web UI', () => {
  it('shows an administrator the peer, the failing link with its reason and the quarantine, in English and Arabic, and removes the link', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signInAt(page, server.url, 'root', 'root-password');
    await openUi(page, server.url, '/admin/federation');
    const peers = page.locator('section[aria-labelledby=federation-peers]');
    const links = page.locator('section[aria-labelledby=federation-links]');
    const quarantine = page.locator('section[aria-labelledby=federation-quarantine]');
    await links.locator('tbody tr').waitFor();
    expect(await peers.locator('tbody tr').innerText()).toContain('regional');
    expect(await peers.locator('tbody tr code').innerText()).toBe(peerUrl);
    expect(await page.locator('body').innerText()).not.toContain('secret-password');
    const row = links.locator('tbody tr');
    expect(await row.locator('.status-failing').innerText()).toBe('Failing: 1 attempt');
    // The address comes isolated (FSI … PDI), so that it reads left to right in any sentence.
    expect(await row.innerText()).toContain(`The TAXII server at \u2068${peerUrl}\u2069 cannot be reached`);
    expect(await row.innerText()).toContain('Pull from the peer');
    expect(await quarantine.locator('tbody tr').innerText()).toContain('stix.required_property');
    await screenshot(page, 'en-admin-federation');

    await switchLanguage(page, 'ar');
    expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await row.locator('.status-failing').innerText()).toMatch(ARABIC);
    const reason = await row.locator('td p.small').first().innerText();
    expect(reason).toMatch(ARABIC);
    expect(reason).toContain(`\u2068${peerUrl}\u2069`);
    expect(await peers.locator('tbody tr code').getAttribute('dir')).toBe('ltr');
    await screenshot(page, 'ar-admin-federation');

    // A version held back for personal data: its kinds in the page's language, then confirmed.
    const held = page.locator('section[aria-labelledby=federation-personal-data] tbody tr');
    expect(await held.innerText()).toContain(HELD);
    const kinds = await held.locator('td').nth(3).innerText();
    expect(kinds).toContain('عنوان بريد إلكتروني لشخص');
    expect(kinds).toContain('رقم هاتف');
    await held.locator('button').click();
    await held.locator('button').waitFor({ state: 'detached' });
    expect(await held.locator('td').nth(4).innerText()).toMatch(ARABIC);
    expect((await server.platform.personalDataHolds.list(SYSTEM, linkId))[0]!.confirmedAt).not.toBeNull();

    // Removing asks first; cancelling keeps the link, confirming removes it (and the server agrees).
    await row.locator('button.button-secondary').click();
    await row.locator('[role=group] button.button-secondary').click();
    expect(await links.locator('tbody tr').count()).toBe(1);
    await row.locator('button.button-secondary').click();
    await row.locator('button.button-danger').click();
    await links.locator('tbody tr').waitFor({ state: 'detached' });
    expect(await links.locator('tbody tr').count()).toBe(0);
    expect((await server.platform.links.list(SYSTEM)).map((l) => l.id)).not.toContain(linkId);
    await context.close();
  });

  it('gives an analyst no federation section', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signInAt(page, server.url, 'alice', 'alice-password');
    await openUi(page, server.url, '/admin/federation');
    await page.locator('main h1').waitFor();
    expect(await page.locator('section[aria-labelledby=federation-heading]').count()).toBe(0);
    await context.close();
  });
});

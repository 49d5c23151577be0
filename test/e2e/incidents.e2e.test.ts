/**
 * Incidents in the web UI, in a real browser against a real server: an analyst reports an incident with the
 * form (incident types and detection methods from the extension's vocabularies, an organisation it is also
 * shared with, an indicator it links; a bad link refused, naming it) and lands on its page; a coordinator
 * triages it with the workflow's button and marks it major; the reporter adds a note, is refused a bad link
 * and closes it; the list shows it closed and major, and the incidents beyond its first page with "more" —
 * then the page in Arabic (right to left, the state, buttons and vocabularies translated).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_ROOT } from '../../server/bootstrap.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { indicator } from '../support/stix-factory.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, screenshot, signInAt, switchLanguage } from './browser.ts';

const ARABIC = /[\u0600-\u06FF]/;

let server: TestServer;
let browser: Browser;
const pumpsDomain = indicator({ name: 'Pump controller C2', pattern: "[domain-name:value = 'pumps-c2.example']" });
/** Reported before the test: with the one the form reports, one more than the first page shows. */
const EARLIER = 50;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { platform } = server;
  const utility = await platform.organisations.add(SYSTEM, { name: 'Water Utility', type: 'member-state', country: 'MU' });
  const cert = await platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', subtype: 'national-cirt', country: 'MU' });
  await platform.users.addUser({ name: 'reporter', password: 'reporter-password', organisation: utility.id });
  await platform.users.addUser({ name: 'duty', password: 'duty-password', organisation: cert.id, roles: ['incident-coordinator'] });
  for (const org of [utility, cert]) await platform.collections.grant(SYSTEM, server.collectionId, `org:${org.id}`, { read: true, write: true });
  const reporter = await platform.users.actAs(SYSTEM, 'reporter');
  expect((await platform.objects.ingest(reporter, DEFAULT_API_ROOT, server.collectionId, [pumpsDomain])).rejected).toEqual([]);
  for (let n = 1; n <= EARLIER; n++) await platform.incidents.report(reporter, server.collectionId, { name: `Earlier incident ${n}` });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('incidents in the web UI', () => {
  it('reports, triages, marks major, notes and closes an incident, in English and Arabic', async () => {
    const reporterContext = await newContext(browser, 'en-GB');
    const reporter = await reporterContext.newPage();
    await signInAt(reporter, server.url, 'reporter', 'reporter-password');
    await openUi(reporter, server.url, '/incidents');
    const form = reporter.getByRole('form', { name: 'Report an incident' });
    await form.getByLabel('Name').fill('Pumping station offline');
    await form.getByLabel('Severity').selectOption('high');
    for (const sector of ['Water', 'Utilities']) {
      await form.getByLabel('Affected sectors').selectOption({ label: sector });
      await form.getByRole('button', { name: 'Add', exact: true }).first().click();
    }
    await form.getByLabel('Affected countries').selectOption({ label: 'Mauritius' });
    await form.getByRole('button', { name: 'Add', exact: true }).nth(1).click();
    await form.getByRole('group', { name: 'Incident types' }).getByLabel('Compromised system').check();
    await form.getByRole('group', { name: 'How it was detected' }).getByLabel('A system outage').check();
    await form.getByLabel('Also shared with').selectOption({ label: 'CERT-MU' });
    await form.getByRole('button', { name: 'Add', exact: true }).last().click();
    await form.getByRole('list', { name: /./ }).getByText('CERT-MU').waitFor();
    const links = form.getByLabel('Linked indicators and sightings');
    await links.fill(`${String(pumpsDomain.id)}\nindicator-pumps`);
    await form.getByRole('button', { name: 'Report it' }).click();
    // A bad id is refused, named, before anything is stored; the form keeps what was typed.
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('“indicator-pumps”');
    expect(await links.getAttribute('aria-invalid')).toBe('true');
    await links.fill(String(pumpsDomain.id));
    await form.getByRole('button', { name: 'Report it' }).click();
    await reporter.getByRole('heading', { level: 1, name: 'Pumping station offline' }).waitFor();
    const facts = await reporter.locator('dl.facts').innerText();
    expect(facts).toContain('Water and Utilities');
    expect(facts).toContain('Compromised system');
    expect(facts).toContain('A system outage');
    expect(facts).toContain('Mauritius');
    await reporter.getByRole('link', { name: String(pumpsDomain.id) }).waitFor();
    const incidentUrl = new URL(reporter.url()).pathname.replace(/^\/ui/, '');

    const dutyContext = await newContext(browser, 'en-GB');
    const duty = await dutyContext.newPage();
    await signInAt(duty, server.url, 'duty', 'duty-password');
    await openUi(duty, server.url, incidentUrl);
    const workflow = duty.getByRole('group', { name: 'Workflow' });
    await workflow.getByRole('button', { name: 'Triage' }).click();
    await workflow.getByRole('button', { name: 'Coordinate' }).waitFor();
    await workflow.getByRole('button', { name: 'Mark major' }).click();
    await workflow.getByRole('button', { name: 'No longer major' }).waitFor();

    await reporter.reload();
    const reporterWorkflow = reporter.getByRole('group', { name: 'Workflow' });
    // Triage is the coordinator's: the reporter's click is refused with the server's reason.
    await reporterWorkflow.getByRole('button', { name: 'Coordinate' }).click();
    await reporter.getByRole('alert').waitFor();
    expect(await reporter.getByRole('alert').innerText()).toContain('incident.move_forbidden');
    const linkForm = reporter.getByRole('form', { name: 'Link it' });
    await linkForm.getByLabel('Indicator or sighting (STIX id)').fill('malware--6c1d2b3e-7a44-4d0b-9c53-1f2e3d4c5b6a');
    await linkForm.getByRole('button', { name: 'Link it' }).click();
    await reporter.getByRole('alert').filter({ hasText: 'incident.invalid_link' }).waitFor();
    await reporter.getByLabel('New note').fill('Manual control since 06:00.');
    await reporter.getByRole('button', { name: 'Add the note' }).click();
    await reporter.getByText('Manual control since 06:00.').waitFor();
    await reporterWorkflow.getByRole('button', { name: 'Close' }).click();
    await reporterWorkflow.getByRole('button', { name: 'Triage' }).waitFor();
    expect(await reporter.locator('ol li').count()).toBe(4);
    await screenshot(reporter, 'en-incident');

    await openUi(reporter, server.url, '/incidents');
    const row = reporter.locator('tbody tr', { hasText: 'Pumping station offline' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Major[\s\S]*Closed[\s\S]*High/);
    // The first page holds 50, the last change first; "more" brings the oldest.
    expect(await reporter.locator('tbody tr').count()).toBe(50);
    expect(await reporter.locator('tbody tr').first().innerText()).toContain('Pumping station offline');
    await reporter.getByRole('button', { name: 'Show more incidents' }).click();
    await reporter.locator('tbody tr', { hasText: /Earlier incident 1(?!\d)/ }).waitFor();
    expect(await reporter.locator('tbody tr').count()).toBe(EARLIER + 1);
    expect(await reporter.getByRole('button', { name: 'Show more incidents' }).count()).toBe(0);

    await openUi(reporter, server.url, incidentUrl);
    await switchLanguage(reporter, 'ar');
    expect(await languageOf(reporter)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await reporter.locator('main [role=group]').innerText()).toMatch(ARABIC);
    expect(await reporter.locator('h2').first().innerText()).toMatch(ARABIC);
    const arabicFacts = await reporter.locator('dl.facts').innerText();
    expect(arabicFacts).toContain('نظام مخترَق');
    expect(arabicFacts).toContain('تعطّل نظام');
    expect(arabicFacts).toContain('المياه');
    await screenshot(reporter, 'ar-incident');
    await reporterContext.close();
    await dutyContext.close();
  }, 180_000);
});

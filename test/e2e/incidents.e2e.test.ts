/**
 * Incidents in the web UI, in a real browser against a real server: an analyst reports an incident with the
 * form and lands on its page; a coordinator triages it with the workflow's button and marks it major; the
 * reporter adds a note and closes it; the list shows it closed and major — then the page in Arabic (right to
 * left, the state and buttons translated).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, screenshot, signInAt, switchLanguage } from './browser.ts';

const ARABIC = /[\u0600-\u06FF]/;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { platform } = server;
  const utility = await platform.organisations.add(SYSTEM, { name: 'Water Utility', type: 'member-state', country: 'MU' });
  const cert = await platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', subtype: 'national-cirt', country: 'MU' });
  await platform.users.addUser({ name: 'reporter', password: 'reporter-password', organisation: utility.id });
  await platform.users.addUser({ name: 'duty', password: 'duty-password', organisation: cert.id, roles: ['incident-coordinator'] });
  for (const org of [utility, cert]) await platform.collections.grant(SYSTEM, server.collectionId, `org:${org.id}`, { read: true, write: true });
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
    await form.getByLabel('Affected sectors').fill('water, utilities');
    await form.getByLabel('Affected countries').fill('mu');
    await form.getByRole('button', { name: 'Report it' }).click();
    await reporter.getByRole('heading', { level: 1, name: 'Pumping station offline' }).waitFor();
    expect(await reporter.locator('dl.facts').innerText()).toContain('water, utilities');
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

    await openUi(reporter, server.url, incidentUrl);
    await switchLanguage(reporter, 'ar');
    expect(await languageOf(reporter)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await reporter.locator('main [role=group]').innerText()).toMatch(ARABIC);
    expect(await reporter.locator('h2').first().innerText()).toMatch(ARABIC);
    await screenshot(reporter, 'ar-incident');
    await reporterContext.close();
    await dutyContext.close();
  });
});

// Organisations over the REST API: administrators add them, any signed-in user lists and reads them, and a
// refused request names the field at fault and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { recordedChanges, rest } from './rest-client.ts';

describe.each(dialects)('REST organisations on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('adds an organisation with its STIX identity, then lists it and finds it by id or name', async () => {
    const added = await rest(server, '/organisations', { method: 'POST', body: { name: 'CERT-MU', type: 'member-state', subtype: 'national-cirt', country: 'mu' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'CERT-MU', type: 'member-state', subtype: 'national-cirt', country: 'MU', sector: null });
    expect(added.body.identity).toMatchObject({ type: 'identity', id: added.body.identity_id, identity_class: 'organization' });
    expect(added.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const listed = await rest(server, '/organisations', { auth: server.auth.bob });
    expect(listed.status).toBe(200);
    expect(listed.body.organisations.map((o: { name: string }) => o.name)).toEqual(['CERT-MU']);
    expect((await rest(server, `/organisations/${added.body.id}`, { auth: server.auth.alice })).body).toEqual(added.body);
    expect((await rest(server, '/organisations/cert-mu')).body.id).toBe(added.body.id);
  });

  it('answers 404 for an unknown organisation and 409 for a name taken in any case', async () => {
    const missing = await rest(server, '/organisations/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('organisation.not_found');
    const taken = await rest(server, '/organisations', { method: 'POST', body: { name: 'cert-mu', type: 'member-state', country: 'MU' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('organisation.exists');
  });

  it('lets only administrators add organisations (403), storing nothing', async () => {
    const before = await recordedChanges(server);
    const refused = await rest(server, '/organisations', { method: 'POST', auth: server.auth.alice, body: { name: 'Q-CERT', type: 'member-state', country: 'QA' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('organisation.forbidden');
    expect((await rest(server, '/organisations/Q-CERT')).status).toBe(404);
    expect(await recordedChanges(server)).toBe(before);
  });

  it('names the field of a bad input with 400, and stores nothing', async () => {
    const before = await recordedChanges(server);
    const cases: [body: unknown, code: string, field: string][] = [
      [{ name: 'A', type: 'ministry-of-truth', country: 'MU' }, 'organisation.invalid_type', 'type'],
      [{ name: 'A', type: 'member-state', country: 'ZZ' }, 'organisation.invalid_country', 'country'],
      [{ name: 'A', type: 'member-state', country: 'UK' }, 'organisation.invalid_country', 'country'],
      [{ name: 'A', type: 'member-state' }, 'organisation.country_required', 'country'],
      [{ name: 'A', type: 'member-state', subtype: 'bank', country: 'MU' }, 'organisation.invalid_subtype', 'subtype'],
      [{ type: 'member-state', country: 'MU' }, 'request.missing_field', 'name'],
      [{ name: 42, type: 'member-state', country: 'MU' }, 'request.invalid_field', 'name'],
      [{ name: 'A', type: 'member-state', country: 'MU', colour: 'blue' }, 'request.unknown_field', 'colour'],
    ];
    for (const [body, code, field] of cases) {
      const response = await rest(server, '/organisations', { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error, JSON.stringify(body)).toMatchObject({ code, params: { field } });
      expect(response.body.error.message).toEqual(expect.any(String));
    }
    expect((await rest(server, '/organisations')).body.organisations).toHaveLength(1);
    expect(await recordedChanges(server)).toBe(before);
  });
});

// Lookups over real HTTP on both databases: one value and many, what each caller sees, the limits and the
// errors in the caller's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { rest } from '../../../../test/rest/rest-client.ts';
import { startTestServer, type TestServer } from '../../../../test/support/taxii-server.ts';
import { LOOKUP_MAX_VALUES } from '../services/lookup.service.ts';

function indicator(n: number, pattern: string, more: Record<string, unknown> = {}) {
  return {
    type: 'indicator', spec_version: '2.1', id: `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', ...more,
  };
}

describe.each(dialects)('lookup over REST on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const alice = await server.platform.users.findUser('alice');
    const actor = { kind: 'user' as const, userId: alice!.id, name: 'alice', roles: alice!.roles, organisationId: null };
    const result = await server.platform.objects.ingest(actor, 'thiqa', server.collectionId, [
      indicator(1, "[ipv6-addr:value = '2001:db8::/32']", { name: 'Documentation network' }),
      indicator(2, "[domain-name:value = 'red.example']", { object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['alice'] }),
    ]);
    expect(result.rejected).toEqual([]);
  });
  afterAll(async () => server?.close());

  it('answers one value with its type, normal form and the matches the caller may see', async () => {
    const answer = await rest(server, `/lookup?value=${encodeURIComponent('2001:DB8:0:0::7')}`, { auth: server.auth.alice });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({
      query: '2001:DB8:0:0::7',
      type: 'ipv6-addr',
      value: '2001:db8::7',
      hash_algorithm: null,
      matches: [
        {
          id: 'indicator--00000000-0000-4000-8000-000000000001',
          type: 'indicator',
          name: 'Documentation network',
          version: expect.stringMatching(/^2026-01-01/),
          api_root: 'thiqa',
          collection: server.collectionId,
          sightings: { sightings: 0, total_count: 0, organisations: 0, anonymous: 0, first_seen: null, last_seen: null },
        },
      ],
      organisations: 0,
      warning_lists: [],
    });
    expect((await rest(server, '/lookup?value=red.example', { auth: server.auth.alice })).body.matches).toHaveLength(1);
    // Bob may not read the collection; the administrator reads it at GREEN: neither learns of the RED indicator.
    expect((await rest(server, '/lookup?value=2001:db8::7', { auth: server.auth.bob })).body.matches).toEqual([]);
    expect((await rest(server, '/lookup?value=red.example')).body).toMatchObject({ matches: [], organisations: 0 });
  });

  it('answers many values in the order asked', async () => {
    const answer = await rest(server, '/lookup', { auth: server.auth.alice, method: 'POST', body: { values: ['red.example', 'nothing here', '2001:db8::1'] } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.results.map((r: { type: string | null; matches: unknown[] }) => [r.type, r.matches.length])).toEqual([['domain-name', 1], [null, 0], ['ipv6-addr', 1]]);
  });

  it('answers an object’s correlations as the caller may see them', async () => {
    const alice = await server.platform.users.findUser('alice');
    const actor = { kind: 'user' as const, userId: alice!.id, name: 'alice', roles: alice!.roles, organisationId: null };
    expect((await server.platform.objects.ingest(actor, 'thiqa', server.collectionId, [indicator(3, "[ipv6-addr:value = '2001:DB8::/32']")])).rejected).toEqual([]);
    const path = `/collections/${server.collectionId}/objects/indicator--00000000-0000-4000-8000-000000000001/correlations`;
    const answer = await rest(server, path, { auth: server.auth.alice });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({
      id: 'indicator--00000000-0000-4000-8000-000000000001',
      collection: server.collectionId,
      version: '2026-01-01T00:00:00.000Z',
      values: [{ type: 'ipv6-addr', value: '2001:db8::/32' }],
      objects: [{ id: 'indicator--00000000-0000-4000-8000-000000000003', type: 'indicator', name: null, version: '2026-01-01T00:00:00.000Z', api_root: 'thiqa', collection: server.collectionId, shared: [{ type: 'ipv6-addr', value: '2001:db8::/32' }] }],
      total: 1,
      organisations: 0,
    });
    expect((await rest(server, path, { auth: server.auth.bob })).status).toBe(404);
    expect((await rest(server, `/collections/${server.collectionId}/objects/indicator--00000000-0000-4000-8000-000000000009/correlations`, { auth: server.auth.alice })).body.error.code).toBe('object.not_found');
  });

  it('refuses a missing value, a malformed body and too many values, with a clear error in the caller’s language', async () => {
    const missing = await rest(server, '/lookup', { auth: server.auth.alice });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'request.missing_field']);
    const malformed = await rest(server, '/lookup', { auth: server.auth.alice, method: 'POST', body: { values: 'a.example' } });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'lookup.malformed_body']);
    const tooMany = await rest(server, '/lookup', { auth: server.auth.alice, method: 'POST', body: { values: Array<string>(LOOKUP_MAX_VALUES + 1).fill('a.example') }, headers: { 'accept-language': 'fr' } });
    expect([tooMany.status, tooMany.body.error.code]).toEqual([400, 'lookup.too_many_values']);
    expect(tooMany.body.error.message).toContain('au plus 10000 valeurs');
    const huge = await rest(server, '/lookup', { auth: server.auth.alice, method: 'POST', body: JSON.stringify({ values: ['x'.repeat(9 * 1024 * 1024)] }) });
    expect(huge.status).toBe(413);
    const anonymous = await rest(server, '/lookup?value=a.example', { auth: null });
    expect(anonymous.status).toBe(401);
  });
});

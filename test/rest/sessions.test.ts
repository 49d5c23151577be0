// Browser sessions over real HTTP: signing in sets an HttpOnly session cookie that authenticates later
// requests; a request with the cookie that changes something needs X-Thiqa-Request: 1; signing out revokes
// the session; an expired session is refused with its own code (and signing in again still works); wrong
// passwords and disabled users are refused as for Basic, and recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { sessionCookie } from '../../server/core/auth/session-cookie.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { rest } from './rest-client.ts';

const UI = { 'x-thiqa-request': '1' };
const details = (entry: { details: unknown }) => (typeof entry.details === 'string' ? JSON.parse(entry.details) : entry.details) as Record<string, unknown>;

describe.each(dialects)('REST browser sessions on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
    rest(server, '/session', { method: 'POST', auth: null, body: { username, password }, headers });
  const secretOf = (setCookie: string | null) => /^thiqa_session=([^;]+);/.exec(setCookie ?? '')![1]!;
  const withCookie = (secret: string, extra: Record<string, string> = {}) => ({ auth: null, headers: { cookie: `thiqa_session=${secret}`, ...extra } });

  it('signs in without credentials, answers the caller as /me does and sets the session cookie', async () => {
    const response = await signIn('alice', 'alice-password');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ user: { name: 'alice' }, organisation: null, communities: [] });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^thiqa_session=thq_[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
    const me = await rest(server, '/me', withCookie(secretOf(cookie)));
    expect(me.status).toBe(200);
    expect(me.body).toEqual(response.body);
    const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
    expect(entries.some((e) => e.action === 'auth.sign_in' && details(e).scheme === 'session')).toBe(true);
  });

  it('refuses a change made with the cookie but without X-Thiqa-Request: 1', async () => {
    const secret = secretOf((await signIn('alice', 'alice-password')).headers.get('set-cookie'));
    const refused = await rest(server, '/me/language', { method: 'PUT', body: { language: 'fr' }, ...withCookie(secret) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.csrf_header_missing');
    expect((await server.platform.users.findUser('alice'))!.language).toBeNull();
    const accepted = await rest(server, '/me/language', { method: 'PUT', body: { language: 'fr' }, ...withCookie(secret, UI) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.language).toBe('fr');
    // Reads need no header; credentials other than the cookie need none either.
    expect((await rest(server, '/me', withCookie(secret))).status).toBe(200);
    expect((await rest(server, '/me/language', { method: 'PUT', body: { language: null }, auth: server.auth.alice })).status).toBe(200);
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const secret = secretOf((await signIn('alice', 'alice-password')).headers.get('set-cookie'));
    const refused = await rest(server, '/session', { method: 'DELETE', ...withCookie(secret) });
    expect(refused.body.error.code).toBe('auth.csrf_header_missing');
    const out = await rest(server, '/session', { method: 'DELETE', ...withCookie(secret, UI) });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signed_out: true });
    expect(out.headers.get('set-cookie')).toMatch(/^thiqa_session=; HttpOnly; SameSite=Strict; Path=\/; Max-Age=0$/);
    const after = await rest(server, '/me', withCookie(secret));
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('auth.token_revoked');
    // Signing out with no session is harmless.
    expect((await rest(server, '/session', { method: 'DELETE', auth: null })).body).toEqual({ signed_out: true });
  });

  it('refuses an expired session with auth.session_expired, and lets the browser sign in again', async () => {
    const secret = secretOf((await signIn('bob', 'bob-password')).headers.get('set-cookie'));
    await server.platform.db.run("UPDATE api_tokens SET expires_at = ? WHERE label = 'web session'", [Date.now() - 1]);
    const expired = await rest(server, '/me', withCookie(secret));
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('auth.session_expired');
    const again = await signIn('bob', 'bob-password', { cookie: `thiqa_session=${secret}` });
    expect(again.status).toBe(201);
    expect((await rest(server, '/me', withCookie(secretOf(again.headers.get('set-cookie'))))).body.user.name).toBe('bob');
  });

  it('refuses a wrong password and a disabled user as a Basic sign-in does, and records the attempt', async () => {
    const wrong = await signIn('alice', 'not-her-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('auth.bad_credentials');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
    expect(entries.filter((e) => e.action === 'auth.sign_in_failed' && e.actor === 'alice').map(details).at(-1)).toMatchObject({ scheme: 'session', reason: 'auth.bad_credentials' });
    await server.platform.users.addUser({ name: 'dora', password: 'dora-password' });
    await server.platform.users.setDisabled('dora', true);
    const disabled = await signIn('dora', 'dora-password');
    expect(disabled.status).toBe(401);
    expect(disabled.body.error.code).toBe('auth.user_disabled');
    const missing = await rest(server, '/session', { method: 'POST', auth: null, body: { username: 'alice' } });
    expect(missing.body.error).toMatchObject({ code: 'request.missing_field', params: { field: 'password' } });
  });

  it('marks the cookie Secure behind an https public URL', () => {
    expect(sessionCookie('thq_x', true)).toMatch(/; Secure; Max-Age=43200$/);
    expect(sessionCookie('thq_x', false)).not.toContain('Secure');
  });
});

// The language a user chooses for the web UI is remembered; countries are named in any of the six languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, rest } from './rest-client.ts';

describe.each(dialects)('REST language and countries on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());
  const alice = () => basic('alice', 'alice-password');

  it('remembers the language a user chose, and forgets it on null', async () => {
    expect((await rest(server, '/me', { auth: alice() })).body.user.language).toBeNull();
    const set = await rest(server, '/me/language', { method: 'PUT', auth: alice(), body: { language: 'ar' } });
    expect([set.status, set.body.language]).toEqual([200, 'ar']);
    expect((await rest(server, '/me', { auth: alice() })).body.user.language).toBe('ar');
    // Someone else's choice is theirs alone.
    expect((await rest(server, '/me', { auth: basic('bob', 'bob-password') })).body.user.language).toBeNull();
    const cleared = await rest(server, '/me/language', { method: 'PUT', auth: alice(), body: { language: null } });
    expect(cleared.body.language).toBeNull();
  });

  it('refuses a language that is not one of the six, naming the field, and keeps the old choice', async () => {
    await rest(server, '/me/language', { method: 'PUT', auth: alice(), body: { language: 'zh' } });
    const refused = await rest(server, '/me/language', { method: 'PUT', auth: alice(), body: { language: 'de' } });
    expect([refused.status, refused.body.error.code, refused.body.error.params.field]).toEqual([400, 'language.unknown', 'language']);
    expect((await rest(server, '/me', { auth: alice() })).body.user.language).toBe('zh');
  });

  it('lists the countries named in the language asked for', async () => {
    const arabic = await rest(server, '/countries?lang=ar', { auth: alice() });
    expect(arabic.status).toBe(200);
    expect(arabic.body.countries).toHaveLength(249);
    expect(arabic.body.countries).toContainEqual({ code: 'EG', name: 'مصر' });
    expect((await rest(server, '/countries', { auth: alice() })).body.countries).toContainEqual({ code: 'SN', name: 'Senegal' });
    expect((await rest(server, '/countries?lang=xx', { auth: alice() })).body.error.code).toBe('language.unknown');
  });
});

describe.each(dialects)('REST errors in the language asked for on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('says the error in the Accept-Language language, keeping the code and parameters as they are', async () => {
    const ask = (language?: string) => rest(server, '/users/nobody', { headers: language ? { 'accept-language': language } : {} });
    const english = await ask();
    expect([english.status, english.headers.get('content-language'), english.body.error.message]).toEqual([404, 'en', 'no user named "nobody"']);
    const french = await ask('fr-CA,fr;q=0.9,en;q=0.5');
    expect(french.headers.get('content-language')).toBe('fr');
    expect(french.body.error).toEqual({ code: 'user.not_found', message: 'Il n’existe aucun utilisateur nommé «\u00a0nobody\u00a0».', params: { name: 'nobody' } });
    const arabic = await ask('de, ar;q=0.8');
    expect([arabic.headers.get('content-language'), arabic.body.error.message]).toEqual(['ar', expect.stringContaining('nobody')]);
    expect(arabic.body.error.message).not.toBe(english.body.error.message);
    // A language it does not speak: English.
    expect((await ask('de')).headers.get('content-language')).toBe('en');
  });
});

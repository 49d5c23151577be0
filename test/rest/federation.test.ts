// The federation over the REST API on both databases: administrators read the peers (never their
// credentials), the links with their status and the quarantine, and remove a link or a peer with its links;
// anyone else is refused (403) and changes nothing; what is not there is 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { ProvenanceRepository } from '../../server/modules/federation/repositories/provenance.repository.ts';
import { PersonalDataHoldRepository } from '../../server/modules/federation/repositories/personal-data-hold.repository.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { recordedChanges, rest } from './rest-client.ts';

const TOKEN = 'bearer-token-never-shown';

describe.each(dialects)('REST federation on %s', (dialect) => {
  let server: TestServer;
  let peerId: string;
  const linkIds: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    const org = await platform.organisations.add(SYSTEM, { name: 'Regional hub', type: 'regional-international' });
    peerId = (await platform.peers.add(SYSTEM, { name: 'Regional', url: 'https://regional.example/region/', credentials: { kind: 'bearer', token: TOKEN }, organisation: org.id })).id;
    for (const [remote, direction] of [['c1', 'pull'], ['c2', 'push']] as const) {
      linkIds.push((await platform.links.add(SYSTEM, { peer: 'regional', remoteCollection: remote, localCollection: server.collectionId, direction, propagateDeletions: direction === 'pull' })).id);
    }
    const quarantined = { peer_id: peerId, stix_id: null, object_json: '"not an object"', truncated: 0, reasons: JSON.stringify(['stix.not_an_object']) };
    await new ProvenanceRepository(platform.db).quarantine([
      { ...quarantined, id: 'q1', link_id: linkIds[0]!, received_at: 1_000 },
      { ...quarantined, id: 'q2', link_id: linkIds[1]!, received_at: 2_000 },
    ]);
    await new PersonalDataHoldRepository(platform.db).hold([{ link_id: linkIds[1]!, stix_id: 'note--1', version: 'v1', date_added: 5, kinds: 'email,phone', held_at: 3_000 }]);
  });
  afterAll(() => server.close());

  it('lists the peers without their credentials, and the links with their cursors and status', async () => {
    const peers = await rest(server, '/federation/peers');
    expect(peers.status, peers.text).toBe(200);
    expect(peers.body.peers).toEqual([{ id: peerId, name: 'Regional', api_root_url: 'https://regional.example/region/', auth: 'bearer', organisation: expect.any(String), created_at: expect.any(String) }]);
    expect(peers.text).not.toContain(TOKEN);
    const links = await rest(server, '/federation/links');
    expect(links.status, links.text).toBe(200);
    expect(links.body.links.map((l: { id: string }) => l.id)).toEqual(linkIds);
    expect(links.body.links[0]).toMatchObject({
      peer: peerId,
      remote_collection: 'c1',
      local_collection: server.collectionId,
      direction: 'pull',
      mode: 'scheduled',
      propagate_deletions: true,
      cursors: { pull: null, push: null, deletions: null },
      status: { last_success_at: null, last_attempt_at: null, failures: 0, last_error: null },
    });
    const one = await rest(server, `/federation/links/${linkIds[1]}`);
    expect([one.status, one.body.direction]).toEqual([200, 'push']);
    const missing = await rest(server, '/federation/links/no-such-link');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'link.not_found']);
  });

  it('lists the quarantine, newest first, of one link or all; a limit out of range is 400', async () => {
    const all = await rest(server, '/federation/quarantine');
    expect(all.status, all.text).toBe(200);
    expect(all.body.quarantined.map((q: { id: string }) => q.id)).toEqual(['q2', 'q1']);
    expect(all.body.quarantined[1]).toEqual({ id: 'q1', peer: peerId, link: linkIds[0], received_at: new Date(1_000).toISOString(), object_id: null, reasons: ['stix.not_an_object'], object: '"not an object"', truncated: false });
    const ofLink = await rest(server, `/federation/quarantine?link=${linkIds[0]}&limit=5`);
    expect(ofLink.body.quarantined.map((q: { id: string }) => q.id)).toEqual(['q1']);
    expect((await rest(server, '/federation/quarantine?limit=1')).body.quarantined).toHaveLength(1);
    expect((await rest(server, '/federation/quarantine?limit=0')).status).toBe(400);
  });

  it('lists the versions held back for personal data by kind, and confirms one, audited; an unknown one is 404', async () => {
    const listed = await rest(server, `/federation/personal-data?link=${linkIds[1]}`);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.held).toEqual([
      { link: linkIds[1], object_id: 'note--1', version: 'v1', kinds: ['email', 'phone'], held_at: new Date(3_000).toISOString(), confirmed_at: null, confirmed_by: null, pushed_at: null },
    ]);
    const body = { link: linkIds[1], object: 'note--1', version: 'v1' };
    const confirmed = await rest(server, '/federation/personal-data/confirm', { method: 'POST', body });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toMatchObject({ object_id: 'note--1', confirmed_at: expect.any(String), confirmed_by: expect.stringMatching(/^user:/) });
    const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
    expect(entries.filter((e) => e.action === 'federation.personal_data_confirm').map((e) => e.target)).toEqual(['note--1']);
    const missing = await rest(server, '/federation/personal-data/confirm', { method: 'POST', body: { ...body, version: 'v2' } });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'personal_data.hold_not_found']);
    expect((await rest(server, '/federation/personal-data/confirm', { method: 'POST', body: { link: linkIds[1] } })).status).toBe(400);
  });

  it('refuses every federation endpoint to users who are not administrators, changing nothing', async () => {
    const before = await recordedChanges(server);
    for (const auth of [server.auth.alice, server.auth.bob]) {
      for (const [method, path] of [
        ['GET', '/federation/peers'],
        ['GET', '/federation/links'],
        ['GET', `/federation/links/${linkIds[0]}`],
        ['GET', '/federation/quarantine'],
        ['GET', '/federation/personal-data'],
        ['POST', '/federation/personal-data/confirm'],
        ['DELETE', `/federation/links/${linkIds[0]}`],
        ['DELETE', '/federation/peers/regional'],
      ] as const) {
        const body = method === 'POST' ? { body: { link: linkIds[1], object: 'note--1', version: 'v1' } } : {};
        const refused = await rest(server, path, { method, auth, ...body });
        expect([refused.status, refused.body.error?.code], `${method} ${path}`).toEqual([403, 'federation.forbidden']);
      }
    }
    expect((await rest(server, '/federation/peers', { auth: null })).status).toBe(401);
    expect(await recordedChanges(server)).toBe(before);
    expect((await server.platform.links.list(SYSTEM)).map((l) => l.id)).toEqual(linkIds);
  });

  it('removes a link, then the peer with its other links; each once, then 404; both audited', async () => {
    const removed = await rest(server, `/federation/links/${linkIds[0]}`, { method: 'DELETE' });
    expect([removed.status, removed.body.link?.id]).toEqual([200, linkIds[0]]);
    const again = await rest(server, `/federation/links/${linkIds[0]}`, { method: 'DELETE' });
    expect([again.status, again.body.error.code]).toEqual([404, 'link.not_found']);
    const peer = await rest(server, '/federation/peers/REGIONAL', { method: 'DELETE' });
    expect(peer.status, peer.text).toBe(200);
    expect(peer.body).toMatchObject({ peer: { id: peerId, name: 'Regional' }, links: [linkIds[1]] });
    expect((await rest(server, '/federation/peers')).body.peers).toEqual([]);
    expect((await rest(server, '/federation/links')).body.links).toEqual([]);
    const gone = await rest(server, '/federation/peers/regional', { method: 'DELETE' });
    expect([gone.status, gone.body.error.code]).toEqual([404, 'peer.not_found']);
    const actions = (await server.platform.audit.list(SYSTEM, { limit: 1000 })).map((e) => `${e.action} ${e.target}`);
    expect(actions).toEqual(expect.arrayContaining([`federation.link_remove ${linkIds[0]}`, `federation.peer_remove ${peerId}`]));
  });
});

// Personal data over push links, on both databases: a version whose text seems to hold personal data is held
// back (counted in the report, listed for administrators by kind, never by value) while the rest goes; once
// an administrator confirms it, the next push sends it, and the peer — a Thiqa hub, which would reject it
// from a TAXII client that did not say so — stores it as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { connect, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

describe.each(dialects)('personal data over push links on %s', (dialect) => {
  let national: Hub;
  let regional: Hub;

  beforeAll(async () => {
    [national, regional] = await Promise.all([startHub('national', dialect), startHub('regional', dialect)]);
    await connect(national, regional);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national, regional].map((h) => h?.close()));
  });

  it('holds back a version with personal data until an administrator confirms it, then sends it', async () => {
    const linkId = await link(national, regional, 'push');
    const clean = indicator(GREEN);
    const personal = indicator({ ...GREEN, description: 'Phished: karim.trabelsi@mail.tn, +216 98 765 432' });
    await post(national, clean, personal);

    const first = await syncOk(national, linkId);
    expect(first.push).toMatchObject({ sent: 1, held: { 'personal-data': 1 } });
    expect(await heldIds(regional)).toEqual([clean.id]);
    const holds = await national.platform.personalDataHolds.list(SYSTEM, linkId);
    expect(holds).toEqual([expect.objectContaining({ linkId, objectId: personal.id, kinds: ['email', 'phone'], confirmedAt: null, pushedAt: null })]);
    expect(JSON.stringify(holds)).not.toContain('karim');

    // Nothing changes by itself: the cursor went past it, and it is not sent again unconfirmed.
    expect((await syncOk(national, linkId)).push?.sent).toBe(0);
    expect(await heldIds(regional)).toEqual([clean.id]);

    await expect(national.platform.personalDataHolds.confirm(national.own.actor, linkId, personal.id as string, holds[0]!.version)).rejects.toMatchObject({ code: 'federation.forbidden' });
    await expect(national.platform.personalDataHolds.confirm(SYSTEM, linkId, personal.id as string, 'no-such-version')).rejects.toMatchObject({ code: 'personal_data.hold_not_found' });
    const confirmed = await national.platform.personalDataHolds.confirm(SYSTEM, linkId, personal.id as string, holds[0]!.version);
    expect(confirmed.confirmedAt).not.toBeNull();
    const audit = await national.platform.audit.list(SYSTEM, { limit: 1000 });
    expect(audit.filter((e) => e.action === 'federation.personal_data_confirm').map((e) => e.target)).toEqual([personal.id]);

    const after = await syncOk(national, linkId);
    expect(after.push).toMatchObject({ sent: 1, refused: 0 });
    expect(await heldIds(regional)).toEqual([clean.id, personal.id].sort());
    const there = await regional.platform.objects.getObject(SYSTEM, regional.apiRoot, regional.collectionId, personal.id as string, {});
    expect(JSON.parse(new TextDecoder().decode(there.rows[0]!.body))).toMatchObject({ description: personal.description });
    expect((await national.platform.personalDataHolds.list(SYSTEM, linkId))[0]!.pushedAt).not.toBeNull();
    expect((await syncOk(national, linkId)).push?.sent).toBe(0);
  });
});

/** REST handlers of the federation (see the declarations in `federation-rest-endpoints.ts`). */
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentHeld, presentLink, presentPeer, presentQuarantined, presentRemovedPeer } from '../presenters/federation.presenter.ts';
import type { PersonalDataHoldService } from '../services/personal-data-holds.ts';
import type { LinkService } from '../services/link.service.ts';
import type { PeerService } from '../services/peer.service.ts';
import type { SyncService } from '../services/sync.service.ts';
import { FEDERATION_REST_ENDPOINTS as E } from './federation-rest-endpoints.ts';

export interface FederationServices {
  peers: PeerService;
  links: LinkService;
  sync: SyncService;
  holds: PersonalDataHoldService;
}

export function federationRestRoutes(router: RestRouter, { peers, links, sync, holds }: FederationServices): void {
  router.handle(E.listPeers, async ({ actor }) => ({ peers: (await peers.list(actor)).map(presentPeer) }));
  router.handle(E.removePeer, async ({ actor, params }) => presentRemovedPeer(await peers.remove(actor, params.peer!)));
  router.handle(E.listLinks, async ({ actor }) => ({ links: (await links.list(actor)).map(presentLink) }));
  router.handle(E.getLink, async ({ actor, params }) => presentLink(await links.find(actor, params.id!)));
  router.handle(E.removeLink, async ({ actor, params }) => ({ link: presentLink(await links.remove(actor, params.id!)) }));
  router.handle(E.listQuarantine, async ({ actor, query }) => {
    const link = typeof query.link === 'string' && query.link !== '' ? query.link : undefined;
    const limit = typeof query.limit === 'number' ? query.limit : 100;
    return { quarantined: (await sync.quarantine(actor, link, limit)).map(presentQuarantined) };
  });
  router.handle(E.listPersonalDataHolds, async ({ actor, query }) => {
    const link = typeof query.link === 'string' && query.link !== '' ? query.link : undefined;
    const limit = typeof query.limit === 'number' ? query.limit : 100;
    return { held: (await holds.list(actor, link, limit)).map(presentHeld) };
  });
  router.handle(E.confirmPersonalDataHold, async ({ actor, body }) => presentHeld(await holds.confirm(actor, String(body.link), String(body.object), String(body.version))));
}

/** REST handlers of sightings (see the declarations in `sighting-rest-endpoints.ts`). */
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentPosted, presentSightings } from '../presenters/sighting.presenter.ts';
import type { SightingService } from '../services/sighting.service.ts';
import { SIGHTING_REST_ENDPOINTS as E } from './sighting-rest-endpoints.ts';

export function sightingRestRoutes(router: RestRouter, sightings: SightingService): void {
  router.handle(E.postSighting, async ({ actor, params, body }) => presentPosted(await sightings.post(actor, params.collection!, params.id!, body)));
  router.handle(E.listSightings, async ({ actor, params }) => presentSightings(await sightings.list(actor, params.collection!, params.id!)));
}

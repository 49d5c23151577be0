/**
 * The REST administration API at `/api/v1/`: the core's endpoints and those of the modules, registered on
 * one router, and the one API description served at `/api/openapi.json` (TAXII and REST side by side).
 */
import type { Hono } from 'hono';
import { ADMIN_API } from './core/admin/routes/admin-endpoints.ts';
import { auditRoutes } from './core/admin/routes/audit.routes.ts';
import { meRoutes } from './core/admin/routes/me.routes.ts';
import { sessionRoutes } from './core/admin/routes/session.routes.ts';
import { organisationRoutes } from './core/admin/routes/organisation.routes.ts';
import { userRoutes } from './core/admin/routes/user.routes.ts';
import type { RestApiPart, RestEndpoint } from './core/rest/rest-endpoint.ts';
import { REST_MAX_BODY_BYTES } from './core/rest/rest-http.ts';
import { mergeOpenApi, restOpenApi, type OpenApiDocument } from './core/rest/rest-openapi.ts';
import { RestRouter, type RestEnv } from './core/rest/rest-router.ts';
import { collectionRestRoutes } from './modules/exchange/routes/collection.rest.ts';
import { communityRestRoutes } from './modules/exchange/routes/community.rest.ts';
import { objectRestRoutes } from './modules/exchange/routes/object.rest.ts';
import { EXCHANGE_REST_API } from './modules/exchange/routes/exchange-rest-endpoints.ts';
import { taxiiOpenApi } from './modules/exchange/routes/taxii-endpoints.ts';
import type { Platform } from './platform.ts';
import { ASSESSMENT_REST_API } from './modules/assessment/routes/assessment-rest-endpoints.ts';
import { editionRestRoutes } from './modules/assessment/routes/edition.rest.ts';
import { cycleRestRoutes } from './modules/assessment/routes/cycle.rest.ts';
import { regionSchemeRestRoutes } from './modules/assessment/routes/region-scheme.rest.ts';
import { GATEWAY_REST_API } from './modules/gateway/routes/gateway-rest-endpoints.ts';
import { gatewayRestRoutes } from './modules/gateway/routes/gateway.rest.ts';
import { GATEWAY_DATA_REST_API } from './modules/gateway/routes/gateway-data-rest-endpoints.ts';
import { gatewayDataRestRoutes } from './modules/gateway/routes/gateway-data.rest.ts';
import { FEED_REST_API } from './modules/feeds/routes/feed-rest-endpoints.ts';
import { feedRestRoutes } from './modules/feeds/routes/feed.rest.ts';
import { WARNINGLIST_REST_API } from './modules/warninglists/routes/warninglist-rest-endpoints.ts';
import { warninglistRestRoutes } from './modules/warninglists/routes/warninglist.rest.ts';
import { FEDERATION_REST_API } from './modules/federation/routes/federation-rest-endpoints.ts';
import { federationRestRoutes } from './modules/federation/routes/federation.rest.ts';
import { ALERT_REST_API } from './modules/alerts/routes/alert-rest-endpoints.ts';
import { alertRestRoutes } from './modules/alerts/routes/alert.rest.ts';
import { LOOKUP_REST_API } from './modules/lookup/routes/lookup-rest-endpoints.ts';
import { lookupRestRoutes } from './modules/lookup/routes/lookup.rest.ts';
import { SIGHTING_REST_API } from './modules/sightings/routes/sighting-rest-endpoints.ts';
import { sightingRestRoutes } from './modules/sightings/routes/sighting.rest.ts';
import { INCIDENT_REST_API } from './modules/incidents/routes/incident-rest-endpoints.ts';
import { incidentRestRoutes } from './modules/incidents/routes/incident.rest.ts';

/** Every part of the REST API, each declared by the layer that serves it. */
export const REST_API_PARTS: readonly RestApiPart[] = [ADMIN_API, EXCHANGE_REST_API, ASSESSMENT_REST_API, GATEWAY_REST_API, GATEWAY_DATA_REST_API, FEED_REST_API, WARNINGLIST_REST_API, FEDERATION_REST_API, ALERT_REST_API, LOOKUP_REST_API, SIGHTING_REST_API, INCIDENT_REST_API];

/** Every declared REST endpoint. */
export const REST_ENDPOINTS: readonly RestEndpoint[] = REST_API_PARTS.flatMap((part) => Object.values(part.endpoints));

/** The REST app, to mount at `REST_BASE`; it expects the `actor` set by the outer app. */
export function restApp(platform: Platform): Hono<RestEnv> {
  const router = new RestRouter({ maxBodyBytes: REST_MAX_BODY_BYTES });
  organisationRoutes(router, platform.organisations);
  userRoutes(router, platform.users);
  auditRoutes(router, platform.audit);
  meRoutes(router, platform.principals, platform.users);
  sessionRoutes(router, platform.principals, platform.users, platform.config.publicUrl?.startsWith('https:') ?? false);
  communityRestRoutes(router, platform.communities, platform.communityApiRoots);
  collectionRestRoutes(router, platform.collections, platform.communityApiRoots);
  editionRestRoutes(router, platform.editions);
  cycleRestRoutes(router, platform);
  regionSchemeRestRoutes(router, platform.regionSchemes);
  objectRestRoutes(router, platform.browse, platform.transfer);
  gatewayRestRoutes(router, { records: platform.gatewayRecords, moderation: platform.gatewayModeration, search: platform.gatewaySearch, duplicates: platform.gatewayDuplicates });
  gatewayDataRestRoutes(
    router,
    { imports: platform.gatewayImport, search: platform.gatewaySearch, facts: platform.gatewayFacts, network: platform.gatewayNetwork, matching: platform.gatewayMatching },
    { publicUrl: platform.config.publicUrl },
  );
  feedRestRoutes(router, platform.feeds);
  warninglistRestRoutes(router, platform.warningLists);
  federationRestRoutes(router, { peers: platform.peers, links: platform.links, sync: platform.sync, holds: platform.personalDataHolds });
  alertRestRoutes(router, { subscriptions: platform.alertSubscriptions, inbox: platform.alertInbox, deadLetters: platform.alertDeadLetters });
  lookupRestRoutes(router, platform.lookup);
  sightingRestRoutes(router, platform.sightings);
  incidentRestRoutes(router, platform.incidents);
  return router.build(REST_ENDPOINTS);
}

/** The OpenAPI 3.1 document of the whole HTTP API: the TAXII endpoints and the REST endpoints. */
export function apiDescription(): OpenApiDocument {
  const info = { title: 'Thiqa API', version: '1', description: 'TAXII 2.1 (at /taxii2/ and each API root) and the REST administration API (at /api/v1/).' };
  return mergeOpenApi(info, [taxiiOpenApi() as OpenApiDocument, restOpenApi(REST_API_PARTS)]);
}

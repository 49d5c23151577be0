/** REST handlers of incidents (see the declarations in `incident-rest-endpoints.ts`). */
import { invalid } from '../../../core/errors.ts';
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentDetail, presentIncidents, presentLink, presentNote, presentReported } from '../presenters/incident.presenter.ts';
import type { IncidentService } from '../services/incident.service.ts';
import { INCIDENT_REST_ENDPOINTS as E } from './incident-rest-endpoints.ts';

/** The `major` query parameter: absent, `true` or `false`. */
export function majorFilterOf(value: string | number | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalid('incident.invalid_major', 'major is true or false', { field: 'major' });
}

export function incidentRestRoutes(router: RestRouter, incidents: IncidentService): void {
  router.handle(E.reportIncident, async ({ actor, params, body }) => presentReported(await incidents.report(actor, params.collection!, body)));
  router.handle(E.listIncidents, async ({ actor, params, query }) =>
    presentIncidents(await incidents.list(actor, params.collection!, { state: query.state as string | undefined, major: majorFilterOf(query.major), limit: query.limit as number | undefined, next: query.next as string | undefined })),
  );
  router.handle(E.getIncident, async ({ actor, params }) => presentDetail(await incidents.show(actor, params.collection!, params.id!)));
  router.handle(E.moveIncident, async ({ actor, params, body }) => presentReported(await incidents.move(actor, params.collection!, params.id!, body.state as string)));
  router.handle(E.markIncidentMajor, async ({ actor, params, body }) => presentReported(await incidents.markMajor(actor, params.collection!, params.id!, body.major)));
  router.handle(E.addIncidentNote, async ({ actor, params, body }) => {
    const added = await incidents.note(actor, params.collection!, params.id!, body);
    return { collection: added.collectionId, note: presentNote(added.note), object: added.note.object };
  });
  router.handle(E.linkIncident, async ({ actor, params, body }) => presentLink(await incidents.link(actor, params.collection!, params.id!, body.ref as string)));
}

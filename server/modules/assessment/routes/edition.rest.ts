/** REST handlers of editions: list, results, regional aggregates, comparison. Published results are public (see the declarations). */
import { invalid } from '../../../core/errors.ts';
import { bodyStream, RestReply, type RestRouter } from '../../../core/rest/rest-router.ts';
import { presentComparison, presentEdition, presentHistory, presentRegions, presentResults, resultsCsv } from '../presenters/edition.presenter.ts';
import type { EditionService } from '../services/edition.service.ts';
import { ASSESSMENT_REST_ENDPOINTS as E } from './assessment-rest-endpoints.ts';

export function editionRestRoutes(router: RestRouter, editions: EditionService): void {
  router.handle(E.listEditions, async ({ actor }) => ({ editions: (await editions.list(actor)).map(presentEdition) }));
  router.handle(E.getResults, async ({ actor, params }) => presentResults(await editions.results(params.name!, actor)));
  router.handle(E.getRegions, async ({ actor, params, query }) => presentRegions(await editions.regions(params.name!, (query.scheme as string | undefined) || undefined, actor)));
  router.handle(E.getResultsCsv, async ({ actor, params }) => {
    const found = await editions.results(params.name!, actor);
    const file = `${found.edition.name.replace(/[^\p{L}\p{N}._ -]/gu, '_')}.csv`;
    return new RestReply(undefined, { 'content-disposition': `attachment; filename="${file}"` }, bodyStream(resultsCsv(found.results)));
  });
  router.handle(E.getCountry, async ({ params }) => presentHistory(await editions.history(params.country!)));
  router.handle(E.compareEditions, async ({ actor, query }) => {
    const { from, to } = query as { from?: string; to?: string };
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      if (!value) throw invalid('request.missing_field', `the query needs "${field}": the name of an edition`, { field, in: 'query' });
    }
    return presentComparison(await editions.compare(from!, to!, actor));
  });
}

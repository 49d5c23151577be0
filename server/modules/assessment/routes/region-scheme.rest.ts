/**
 * REST handlers of region schemes: import (a new name) or replace from an uploaded CSV, list, one scheme.
 * A refused file answers 400 `assessment.region_scheme_problems` with every problem in `error.problems`.
 */
import { invalid } from '../../../core/errors.ts';
import { readBoundedText } from '../../../core/http-body.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentImportedRegionScheme, presentRegionScheme, presentRegionSchemeDetail, presentRegionSchemeProblem } from '../presenters/region-scheme.presenter.ts';
import type { RegionSchemeService } from '../services/region-scheme.service.ts';
import { ASSESSMENT_REST_ENDPOINTS as E, REGION_SCHEME_MAX_BYTES } from './assessment-rest-endpoints.ts';

export function regionSchemeRestRoutes(router: RestRouter, schemes: RegionSchemeService): void {
  const importFrom = async (actor: Actor, name: string, stream: AsyncIterable<Uint8Array>, replace: boolean) => {
    const text = await readBoundedText(stream, REGION_SCHEME_MAX_BYTES);
    const { scheme, problems } = await schemes.import(actor, { name, text, replace });
    if (!scheme) {
      throw invalid('assessment.region_scheme_problems', `the region scheme file has ${problems.length} problem(s), listed in problems; nothing was imported`, { count: problems.length }, problems.map(presentRegionSchemeProblem));
    }
    return presentImportedRegionScheme(scheme);
  };
  router.handle(E.importRegionScheme, async ({ actor, query, stream }) => {
    const name = query.name as string | undefined;
    if (!name) throw invalid('request.missing_field', 'the query needs "name": the name of the new region scheme', { field: 'name', in: 'query' });
    return importFrom(actor, name, stream, false);
  });
  router.handle(E.replaceRegionScheme, async ({ actor, params, stream }) => importFrom(actor, params.name!, stream, true));
  router.handle(E.listRegionSchemes, async () => ({ schemes: (await schemes.list()).map(presentRegionScheme) }));
  router.handle(E.getRegionScheme, async ({ params }) => presentRegionSchemeDetail(await schemes.get(params.name!)));
}

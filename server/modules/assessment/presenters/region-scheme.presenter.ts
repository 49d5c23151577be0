/** Region schemes as the REST API answers them, the problems of a refused file, and the JSON Schemas of those answers. */
import { isoTime } from '../../../core/admin/presenters/organisation.presenter.ts';
import type { ErrorProblem } from '../../../core/errors.ts';
import { objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { LANGUAGES } from '../../../../shared/i18n/languages.ts';
import type { ImportedRegionScheme, RegionSchemeDetail, RegionSchemeProblem, RegionSchemeSummary } from '../services/region-scheme.service.ts';

export function presentRegionScheme(scheme: RegionSchemeSummary) {
  return {
    id: scheme.id,
    name: scheme.name,
    source: scheme.source,
    regions: scheme.regions,
    countries: scheme.countries,
    created_at: isoTime(scheme.createdAt),
    updated_at: isoTime(scheme.updatedAt),
  };
}

export function presentImportedRegionScheme(imported: ImportedRegionScheme) {
  return { scheme: presentRegionScheme(imported), replaced: imported.replaced };
}

export function presentRegionSchemeDetail(detail: RegionSchemeDetail) {
  const countries = new Set(detail.regions.flatMap((r) => r.countries)).size;
  return {
    scheme: presentRegionScheme({ ...detail.scheme, regions: detail.regions.length, countries }),
    regions: detail.regions.map((r) => ({ region: r.region, name: r.name, names: r.names, countries: r.countries })),
  };
}

/** A problem of a refused file, as `error.problems` lists it. */
export function presentRegionSchemeProblem(problem: RegionSchemeProblem): ErrorProblem {
  return { rule: problem.rule, path: problem.path, line: problem.line, column: problem.column, message: problem.message };
}

const names: JsonSchema = {
  type: 'object',
  properties: Object.fromEntries(LANGUAGES.map((language) => [language, { type: 'string' }])),
  additionalProperties: false,
  description: 'the region’s name in each language the file gave one for',
};

export const REGION_SCHEME_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  RegionScheme: objectSchema({
    id: { type: 'string' },
    name: { type: 'string', description: 'unique regardless of case; never "m49", the built-in UN M49 scheme' },
    source: { type: ['string', 'null'], description: 'the file it was imported from, when known' },
    regions: { type: 'integer' },
    countries: { type: 'integer', description: 'distinct countries over all its regions' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time', description: 'when it was last imported (replaced)' },
  }),
  ImportedRegionScheme: objectSchema({ scheme: ref('RegionScheme'), replaced: { type: 'boolean', description: 'true when it replaced a scheme of the same name' } }),
  RegionSchemeDetail: objectSchema({
    scheme: ref('RegionScheme'),
    regions: {
      type: 'array',
      description: 'by code',
      items: objectSchema({
        region: { type: 'string', description: 'the region’s code, as the file wrote it' },
        name: { type: 'string' },
        names: names,
        countries: { type: 'array', items: { type: 'string' }, description: 'ISO 3166-1 alpha-2 codes, sorted' },
      }),
    },
  }),
};

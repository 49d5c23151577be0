/** REST handlers of the Gateway's data endpoints (see the declarations in `gateway-data-rest-endpoints.ts`). */
import { invalid, tooLarge, unknownLanguage } from '../../../core/errors.ts';
import { bodyStream, RestReply, type RestRouter } from '../../../core/rest/rest-router.ts';
import { MAX_RECORD_FILE_BYTES } from '../../../../shared/gateway/record-file.ts';
import { isLanguage, type Language } from '../../../../shared/i18n/languages.ts';
import { gapsCsv, presentFacts, presentGaps, presentNetwork } from '../presenters/facts.presenter.ts';
import { atomFeed, jsonFeed, type FeedContext } from '../presenters/feed.presenter.ts';
import { presentImport, presentImportProblem } from '../presenters/import.presenter.ts';
import { presentMatching } from '../presenters/matching.presenter.ts';
import type { GatewayFactsService } from '../services/facts.service.ts';
import type { ImportService } from '../services/import.service.ts';
import type { MatchingService } from '../services/matching.service.ts';
import type { NetworkService } from '../services/network.service.ts';
import type { SearchService } from '../services/search.service.ts';
import { FEED_LIMIT_DEFAULT, GATEWAY_DATA_REST_ENDPOINTS as E } from './gateway-data-rest-endpoints.ts';
import { criteria } from './gateway.rest.ts';

export interface GatewayDataServices {
  imports: ImportService;
  search: SearchService;
  facts: GatewayFactsService;
  network: NetworkService;
  matching: MatchingService;
}

type Query = Readonly<Record<string, string | number | undefined>>;

/** A yes/no query parameter: absent, `false` or `0` is no; `true` or `1` yes. */
function flag(query: Query, name: string): boolean {
  const value = (query[name] as string | undefined)?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw invalid('request.invalid_field', `"${name}" must be true or false, got "${query[name]}"`, { field: name, in: 'query', expected: 'true or false' });
}

function language(query: Query): Language {
  const lang = (query.lang as string | undefined)?.trim().toLowerCase() || 'en';
  if (!isLanguage(lang)) throw unknownLanguage(lang);
  return lang;
}

/** The bytes of an upload, refused as soon as more than `max` arrive (kept as bytes: the reader checks UTF-8). */
async function readUpload(stream: AsyncIterable<Uint8Array>, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge('content.too_large', `the request body is larger than the limit of ${max} bytes`, { max });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const textStream = (text: string) => bodyStream(text);

export function gatewayDataRestRoutes(router: RestRouter, services: GatewayDataServices, options: { publicUrl: string | undefined }): void {
  const { imports, search, facts, network, matching } = services;
  router.handle(E.importRecords, async ({ actor, query, stream, mediaType }) => {
    const type = (query.type as string | undefined)?.trim();
    if (!type) throw invalid('request.missing_field', 'the query needs "type": the type of the records in the file', { field: 'type', in: 'query' });
    const dryRun = flag(query, 'dry_run');
    const validOnly = flag(query, 'valid_only');
    const content = await readUpload(stream, MAX_RECORD_FILE_BYTES);
    const source = (query.source as string | undefined)?.trim() || undefined;
    const report = await imports.import(actor, { type, content, format: mediaType === 'application/json' ? 'json' : 'csv', dryRun, validOnly, source });
    if (report.refused && !dryRun) {
      const message = report.problems.length
        ? `the file has ${report.problems.length} problem(s), listed in problems; nothing was imported`
        : 'the file has no valid record to import; nothing was imported';
      throw invalid('gateway.import_problems', message, { count: report.problems.length, rows: report.rows, valid: report.valid }, report.problems.map(presentImportProblem));
    }
    return presentImport(report);
  });

  const feed = (write: (records: Parameters<typeof jsonFeed>[0], context: FeedContext) => string) =>
    async ({ query }: { query: Query }) => {
      const context: FeedContext = { language: language(query), publicUrl: options.publicUrl, now: Date.now() };
      const { records } = await search.find({ ...criteria(query), limit: (query.limit as number | undefined) ?? FEED_LIMIT_DEFAULT });
      return new RestReply(undefined, {}, textStream(write(records, context)));
    };
  router.handle(E.feedJson, feed(jsonFeed));
  router.handle(E.feedAtom, feed(atomFeed));

  router.handle(E.network, async ({ query }) =>
    presentNetwork(await network.network({ form: query.form as string | undefined, status: query.status as string | undefined, country: query.country as string | undefined, region: query.region as string | undefined })),
  );
  router.handle(E.gaps, async ({ query }) => {
    const format = (query.format as string | undefined)?.trim().toLowerCase() || 'json';
    if (format !== 'json' && format !== 'csv') throw invalid('gateway.invalid_format', `"${format}" is not a format of the gaps: csv or json`, { field: 'format', format });
    const lang = language(query);
    const report = await facts.gaps({ region: query.region as string | undefined });
    if (format === 'json') return presentGaps(report);
    return new RestReply(undefined, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="gateway-gaps.csv"' }, textStream(gapsCsv(report, lang)));
  });
  router.handle(E.countryFacts, async ({ params }) => presentFacts(await facts.factsOf(params.country!)));
  router.handle(E.matching, async ({ actor, query }) => {
    const country = (query.country as string | undefined)?.trim();
    if (!country) throw invalid('request.missing_field', 'the query needs "country": an ISO 3166-1 alpha-2 code', { field: 'country', in: 'query' });
    return presentMatching(await matching.match(actor, country, (query.edition as string | undefined) || undefined));
  });
}

/** REST handlers of the Gateway (see the declarations in `gateway-rest-endpoints.ts`). */
import { invalid } from '../../../core/errors.ts';
import type { BodyObject } from '../../../core/rest/rest-input.ts';
import { RestReply, type RestRouter } from '../../../core/rest/rest-router.ts';
import { presentHistory, presentQueue, presentRecord } from '../presenters/record.presenter.ts';
import { presentMerged, presentPair, presentSearch } from '../presenters/search.presenter.ts';
import type { DuplicateService } from '../services/duplicate.service.ts';
import type { ModerationService } from '../services/moderation.service.ts';
import type { RecordService } from '../services/record.service.ts';
import type { SearchInput, SearchService } from '../services/search.service.ts';
import { GATEWAY_REST_ENDPOINTS as E } from './gateway-rest-endpoints.ts';

export interface GatewayServices {
  records: RecordService;
  moderation: ModerationService;
  search: SearchService;
  duplicates: DuplicateService;
}

type Body = Record<string, string | BodyObject | undefined>;
type Query = Readonly<Record<string, string | number | undefined>>;

export const criteria = (query: Query): SearchInput => ({
  q: query.q as string | undefined,
  type: query.type as string | undefined,
  country: query.country as string | undefined,
  region: query.region as string | undefined,
  pillar: query.pillar as string | undefined,
  language: query.language as string | undefined,
  year: query.year as string | undefined,
});

function revisionNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw invalid('request.invalid_field', `"revision" must be a revision number, got "${text}"`, { field: 'revision', in: 'path', expected: 'integer' });
  return Number(text);
}

export function gatewayRestRoutes(router: RestRouter, { records, moderation, search, duplicates }: GatewayServices): void {
  router.handle(E.searchRecords, async ({ query }) =>
    presentSearch(await search.find({ ...criteria(query), limit: query.limit as number | undefined, cursor: query.cursor as string | undefined })),
  );
  router.handle<Body>(E.proposeRecord, async ({ actor, body }) =>
    presentRecord(await records.propose(actor, { type: body.type as string, record: body.record, note: body.note as string | undefined })),
  );
  router.handle(E.getRecord, async ({ actor, params }) => presentRecord(await records.get(actor, params.id!)));
  router.handle(E.recordHistory, async ({ actor, params }) => presentHistory(await records.history(actor, params.id!)));
  router.handle<Body>(E.reviseRecord, async ({ actor, params, body }) => {
    const revised = await records.revise(actor, params.id!, { record: body.record, note: body.note as string | undefined });
    return { record: presentRecord(revised), revision: revised.revision.revision };
  });
  router.handle(E.moderationQueue, async ({ actor, query }) => presentQueue(await moderation.queue(actor, { limit: query.limit as number | undefined, offset: query.offset as number | undefined })));
  router.handle<Body>(E.moderateRevision, async ({ actor, params, body }) => {
    const moderated = await moderation.moderate(actor, params.id!, revisionNumber(params.revision!), { action: body.action as string, comment: body.comment as string | undefined });
    return { record: presentRecord(moderated), decision: moderated.decision.state };
  });
  router.handle(E.listDuplicates, async ({ actor, query }) => {
    const { items, total, people } = await duplicates.list(actor, { state: query.state as string | undefined, limit: query.limit as number | undefined, offset: query.offset as number | undefined });
    return { total, duplicates: items.map((pair) => presentPair(pair, people)) };
  });
  router.handle(E.dismissDuplicate, async ({ actor, params }) => presentPair(await duplicates.dismiss(actor, params.id!), new Map()));
  router.handle(E.mergeDuplicate, async ({ actor, params }) => presentMerged(await duplicates.merge(actor, params.id!), new Map()));
  router.handle(E.exportRecords, async ({ query }) => {
    const file = await search.export(criteria(query), (query.format as string | undefined) ?? 'json');
    const encoder = new TextEncoder();
    const stream = ReadableStream.from((async function* () {
      for await (const chunk of file.chunks) yield encoder.encode(chunk);
    })());
    const headers: Record<string, string> =
      file.format === 'csv'
        ? { 'content-disposition': `attachment; filename="gateway-${file.type ?? 'records'}.csv"` }
        : { 'content-type': 'application/json', 'content-disposition': 'attachment; filename="gateway.json"' };
    return new RestReply(undefined, { ...headers, 'x-total-count': String(file.total) }, stream);
  });
}

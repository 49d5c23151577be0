/**
 * REST handlers of objects for the web UI: browse a collection, one object with its versions and links, one
 * version, the dashboard, and a bundle file in (upload) and out (download). What the caller may see and do
 * the services decide; these handlers pass the input on and present the answer.
 */
import { Readable } from 'node:stream';
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { RestReply } from '../../../core/rest/rest-router.ts';
import { invalid } from '../../../core/errors.ts';
import { presentDashboard, presentDetail, presentImport, presentSummaryPage } from '../presenters/object-rest.presenter.ts';
import type { BundleTransferService } from '../services/bundle-transfer.service.ts';
import { parseDecision } from '../services/personal-data-guard.ts';
import type { ObjectBrowseService } from '../services/object-browse.service.ts';
import { EXCHANGE_REST_ENDPOINTS as E, IMPORT_MAX_BYTES, PERSONAL_DATA_OBJECTS_HEADER, PERSONAL_DATA_REDACTED_HEADER } from './exchange-rest-endpoints.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Registers the object endpoints on `router`. */
export function objectRestRoutes(router: RestRouter, browse: ObjectBrowseService, transfer: BundleTransferService): void {
  router.handle(E.listObjects, async ({ actor, params, query }) => {
    const filter = {
      type: text(query.type),
      tlp: text(query.tlp),
      addedAfter: text(query.added_after),
      addedBefore: text(query.added_before),
      organisation: text(query.organisation),
      q: text(query.q),
      limit: typeof query.limit === 'number' ? query.limit : undefined,
      next: text(query.next),
    };
    return presentSummaryPage(await browse.list(actor, params.id!, filter));
  });

  router.handle(E.getObject, async ({ actor, params }) => presentDetail(await browse.detail(actor, params.id!, params.object_id!)));

  router.handle(E.getObjectVersion, async ({ actor, params }) => ({ object: await browse.version(actor, params.id!, params.object_id!, params.version!) }));

  router.handle(E.dashboard, async ({ actor }) => presentDashboard(await browse.dashboard(actor)));

  router.handle(E.importBundle, async ({ actor, params, query, stream }) => {
    const personalData = parseDecision(query.personal_data as string | undefined, 'personal_data', 'query', 'ask');
    return presentImport(await transfer.importBundle(actor, params.id!, stream, IMPORT_MAX_BYTES, personalData));
  });

  router.handle(E.exportBundle, async ({ actor, params, query }) => {
    const redact = query.personal_data !== undefined && query.personal_data !== '';
    if (redact && query.personal_data !== 'redact') throw invalid('request.invalid_field', `"personal_data" must be redact, got "${String(query.personal_data)}"`, { field: 'personal_data', in: 'query', expected: 'redact' });
    const { fileName, stream, personalData } = await transfer.exportBundle(actor, params.id!, { redactPersonalData: redact });
    const counts: Record<string, string> = personalData ? { [PERSONAL_DATA_OBJECTS_HEADER]: String(personalData.objects), [PERSONAL_DATA_REDACTED_HEADER]: String(personalData.redacted) } : {};
    const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
    return new RestReply(undefined, { 'content-disposition': `attachment; filename="${fileName}"`, ...counts }, body);
  });
}

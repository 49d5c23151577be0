/** REST handlers of the warning lists (see the declarations in `warninglist-rest-endpoints.ts`). */
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentCheck, presentList } from '../presenters/warninglist.presenter.ts';
import { resolveValue } from '../services/value-kind.ts';
import type { WarningListService } from '../services/warninglist.service.ts';
import { WARNINGLIST_REST_ENDPOINTS as E } from './warninglist-rest-endpoints.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function warninglistRestRoutes(router: RestRouter, lists: WarningListService): void {
  router.handle(E.listWarningLists, async () => ({ lists: (await lists.list()).map(presentList) }));
  router.handle(E.checkWarningLists, async ({ query }) => {
    const asked = resolveValue(text(query.value), text(query.type), text(query.hash_algorithm));
    return presentCheck(asked, await lists.check(asked.kind, asked.value, asked.hashAlgorithm));
  });
  router.handle<{ enabled?: boolean }>(E.setWarningListEnabled, async ({ actor, params, body }) => presentList(await lists.setEnabled(actor, params.name!, body.enabled === true)));
}

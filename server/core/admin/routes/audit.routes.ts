/** REST handlers of the audit log: a page of the entries the caller may see, and verifying the chain. */
import { parseAnchor, type AuditLog } from '../../audit/audit.service.ts';
import type { RestRouter } from '../../rest/rest-router.ts';
import { presentAuditPage, presentVerification } from '../presenters/audit.presenter.ts';
import { ADMIN_ENDPOINTS as E } from './admin-endpoints.ts';

const DEFAULT_LIMIT = 100;

/** Registers the audit endpoints on `router`. */
export function auditRoutes(router: RestRouter, audit: AuditLog): void {
  router.handle(E.listAudit, async ({ actor, query }) => {
    const limit = (query.limit as number | undefined) ?? DEFAULT_LIMIT;
    return presentAuditPage(await audit.list(actor, { after: query.after as number | undefined, limit }), limit);
  });

  router.handle(E.verifyAudit, async ({ actor, query }) => {
    const expectHead = typeof query.expect_head === 'string' ? parseAnchor(query.expect_head) : undefined;
    return presentVerification(await audit.verify(actor, expectHead ? { expectHead } : {}));
  });
}

/** TAXII API roots: listing, reading and (for administrators) creating them. */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import { isPrivileged, type Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../../core/errors.ts';
import type { ApiRootRepository, ApiRootRow } from '../repositories/api-root.repository.ts';

export interface ApiRoot {
  name: string;
  title: string;
  description: string | undefined;
  maxContentLength: number;
  isDefault: boolean;
}

export interface NewApiRoot {
  name: string;
  title: string;
  description?: string | undefined;
  maxContentLength: number;
  isDefault?: boolean;
}

/** Work run inside the repository's write transaction (named through it: services do not import `core/db`). */
type TransactionHook = NonNullable<Parameters<ApiRootRepository['create']>[1]>;

const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Segments the server itself uses at the top level of its URL space: no API root may be named one. */
export const RESERVED_API_ROOT_NAMES: ReadonlySet<string> = new Set(['taxii2', 'api', 'health', 'assets', 'static', 'ui']);
const RESERVED = RESERVED_API_ROOT_NAMES;

const toApiRoot = (row: ApiRootRow): ApiRoot => ({
  name: row.name,
  title: row.title,
  description: row.description ?? undefined,
  maxContentLength: row.max_content_length,
  isDefault: row.is_default === 1,
});

export class ApiRootService {
  private readonly apiRoots: ApiRootRepository;
  private readonly audit: AuditLog;

  constructor(apiRoots: ApiRootRepository, audit: AuditLog) {
    this.apiRoots = apiRoots;
    this.audit = audit;
  }

  /** @throws DomainError `unauthenticated` `auth.required` for anonymous callers, who reach public collections only. */
  async list(actor: Actor): Promise<ApiRoot[]> {
    requireSignedIn(actor);
    return (await this.apiRoots.list()).map(toApiRoot);
  }

  /** Throws not_found for an unknown API root; `unauthenticated` for anonymous callers, as `list`. */
  async get(actor: Actor, name: string): Promise<ApiRoot> {
    requireSignedIn(actor);
    const row = await this.apiRoots.find(name);
    if (!row) throw notFound('api_root.not_found', `there is no API root "${name}"`, { apiRoot: name });
    return toApiRoot(row);
  }

  /**
   * Creates an API root. `alongside` runs in the same transaction, after the insert, only when the root was
   * created; if it throws, nothing is stored (a community's API root is created with the community).
   * @throws DomainError `forbidden` `api_root.create_forbidden`; `invalid` `api_root.invalid_name`,
   *   `api_root.title_required`; `conflict` `api_root.exists`.
   */
  async create(actor: Actor, input: NewApiRoot, alongside?: TransactionHook): Promise<ApiRoot> {
    if (!isPrivileged(actor)) throw forbidden('api_root.create_forbidden', 'only administrators create API roots');
    if (!NAME.test(input.name) || RESERVED.has(input.name)) {
      throw invalid(
        'api_root.invalid_name',
        `API root name "${input.name}" must be 1–63 lower-case letters, digits, "-" or "_", starting with a letter or digit, and not one of ${[...RESERVED].join(', ')}`,
        { name: input.name },
      );
    }
    if (!input.title.trim()) throw invalid('api_root.title_required', 'an API root needs a title');
    const row: ApiRootRow = {
      name: input.name,
      title: input.title.trim(),
      description: input.description ?? null,
      max_content_length: input.maxContentLength,
      is_default: input.isDefault ? 1 : 0,
      created_at: Date.now(),
    };
    const recorded = this.audit.within(actor, { action: 'api_root.create', target: row.name, details: { title: row.title, default: row.is_default === 1 } });
    const audited: TransactionHook = alongside
      ? async (tx) => {
          await alongside(tx, undefined);
          await recorded(tx, undefined);
        }
      : recorded;
    if (!(await this.apiRoots.create(row, audited))) throw conflict('api_root.exists', `API root "${input.name}" already exists`, { name: input.name });
    return toApiRoot(row);
  }
}

function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'this TAXII server needs credentials: HTTP Basic or a Bearer token');
}

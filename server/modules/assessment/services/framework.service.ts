/**
 * Frameworks of the commitment index, versioned: import one as JSON (checked by `validateFramework`: every
 * problem is answered, nothing stored), list them, and export a version as the JSON it was imported as. The
 * frameworks Thiqa ships (shared/assessment/frameworks/) are imported the same way. Importing is for platform
 * administrators (and the local operator); frameworks are public reading.
 */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import { isPrivileged, SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, isDomainError, notFound } from '../../../core/errors.ts';
import type { Framework } from '../../../../shared/assessment/framework.ts';
import { validateFramework, type AssessmentProblem } from '../../../../shared/assessment/framework-validation.ts';
import type { FrameworkRecord, FrameworkRepository } from '../repositories/framework.repository.ts';
import { shippedFrameworks } from './shipped-frameworks.ts';

export type FrameworkSummary = Omit<FrameworkRecord, 'body'>;

export class FrameworkService {
  private readonly frameworks: FrameworkRepository;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(frameworks: FrameworkRepository, audit: AuditLog, now: () => number = Date.now) {
    this.frameworks = frameworks;
    this.audit = audit;
    this.now = now;
  }

  /**
   * Imports a framework (any JSON value, as read from a file): stored when valid, else its problems.
   * @throws DomainError `forbidden` `assessment.framework_forbidden`; `conflict` `assessment.framework_exists`
   *   (that id and version are stored already: a version never changes).
   */
  async import(actor: Actor, input: unknown): Promise<{ framework?: FrameworkSummary; problems: AssessmentProblem[] }> {
    if (!isPrivileged(actor)) throw forbidden('assessment.framework_forbidden', 'only platform administrators import frameworks');
    const { framework, problems } = validateFramework(input);
    if (!framework) return { problems };
    const record: FrameworkRecord = { id: framework.id, version: framework.version, body: JSON.stringify(framework), createdAt: this.now() };
    const audited = this.audit.within(actor, { action: 'assessment.framework_import', target: `${framework.id}@${framework.version}`, details: { id: framework.id, version: framework.version } });
    if (!(await this.frameworks.insert(record, audited))) {
      throw conflict('assessment.framework_exists', `framework ${framework.id} version ${framework.version} is stored already: a new version needs a new "version"`, {
        id: framework.id,
        version: framework.version,
      });
    }
    const { body: _body, ...summary } = record;
    return { framework: summary, problems: [] };
  }

  /** The stored frameworks, and the shipped ones not stored yet (`shipped`), by id. */
  async list(): Promise<(FrameworkSummary & { title: Framework['title']; shipped: boolean })[]> {
    const stored = await this.frameworks.list();
    const titled = await Promise.all(stored.map(async (f) => ({ ...f, title: (await this.get(f.id, f.version)).title, shipped: false })));
    for (const framework of shippedFrameworks().values()) {
      if (!stored.some((f) => f.id === framework.id && f.version === framework.version)) {
        titled.push({ id: framework.id, version: framework.version, createdAt: 0, title: framework.title, shipped: true });
      }
    }
    return titled.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.createdAt - b.createdAt));
  }

  /**
   * A framework version to read: a stored one, else a shipped one (not stored by reading it).
   * @throws DomainError `not_found` `assessment.framework_not_found`.
   */
  async read(id: string, version?: string): Promise<Framework> {
    const shipped = shippedFrameworks().get(id);
    const stored = version === undefined ? await this.frameworks.latest(id) : await this.frameworks.find(id, version);
    if (!stored && shipped && (version === undefined || version === shipped.version)) return shipped;
    return this.get(id, version);
  }

  /**
   * A framework version to run an edition on: a stored one, or a shipped one, stored now (recorded as
   * imported by `system`) so that the edition keeps pointing at what it ran on.
   * @throws DomainError `not_found` `assessment.framework_not_found`.
   */
  async resolve(id: string, version?: string): Promise<Framework> {
    const framework = shippedFrameworks().get(id);
    const stored = version === undefined ? await this.frameworks.latest(id) : await this.frameworks.find(id, version);
    if (!stored && framework && (version === undefined || version === framework.version)) {
      const { problems } = await this.import(SYSTEM, framework).catch((error: unknown) => {
        if (isDomainError(error) && error.code === 'assessment.framework_exists') return { problems: [] };
        throw error;
      });
      if (problems.length) throw new Error(`the shipped framework ${id} is not valid: ${problems[0]!.message}`);
    }
    return this.get(id, version);
  }

  /**
   * A framework version (the latest when `version` is not given).
   * @throws DomainError `not_found` `assessment.framework_not_found`.
   */
  async get(id: string, version?: string): Promise<Framework> {
    const record = version === undefined ? await this.frameworks.latest(id) : await this.frameworks.find(id, version);
    if (!record) throw notFound('assessment.framework_not_found', `there is no framework "${id}"${version === undefined ? '' : ` version "${version}"`}`, { id, version: version ?? null });
    return JSON.parse(record.body) as Framework;
  }
}

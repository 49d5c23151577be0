/**
 * Evidence for an answer: a file (PDF, PNG, JPEG, plain text, DOCX or ODT, at most `EVIDENCE_MAX_BYTES`, its
 * content checked against the type it claims) or a link (http or https), each public or restricted. Public
 * evidence is published with the edition; restricted evidence is seen only by the team, the reviewers and the
 * country's focal point. Whoever answers for a country adds and removes its evidence while the edition is open.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { forbidden, invalid, notFound, tooLarge } from '../../../core/errors.ts';
import type { EditionRecord } from '../repositories/edition.repository.ts';
import type { EvidenceRecord, EvidenceRepository, EvidenceVisibility } from '../repositories/evidence.repository.ts';
import type { ParticipantRecord } from '../repositories/participant.repository.ts';
import { userIdOf } from './answer.service.ts';
import { mayAnswer, maySeeEvidence } from './cycle-access.ts';
import type { CycleContext } from './cycle-context.ts';
import { requireOpen } from './cycle.service.ts';

export type { EvidenceRecord };

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The file types evidence may have, and how a file of that type begins (plain text: valid UTF-8, no NUL). */
export const EVIDENCE_TYPES: Readonly<Record<string, readonly number[] | 'text'>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'text/plain': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.oasis.opendocument.text': ZIP,
};

const NAME_MAX = 200;
const VISIBILITIES: readonly EvidenceVisibility[] = ['public', 'restricted'];

function checkVisibility(value: string): EvidenceVisibility {
  if (!VISIBILITIES.includes(value as EvidenceVisibility)) {
    throw invalid('assessment.invalid_visibility', `evidence is "public" or "restricted"; got "${value}"`, { field: 'visibility', value });
  }
  return value as EvidenceVisibility;
}

function looksLike(mediaType: string, bytes: Uint8Array): boolean {
  const signature = EVIDENCE_TYPES[mediaType];
  if (signature === undefined) return false;
  if (signature === 'text') {
    if (bytes.includes(0)) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  }
  return signature.every((byte, i) => bytes[i] === byte);
}

async function readAll(stream: AsyncIterable<Uint8Array>, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge('assessment.evidence_too_large', `an evidence file has at most ${max} bytes`, { max });
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export class EvidenceService {
  private readonly context: CycleContext;
  private readonly evidence: EvidenceRepository;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(context: CycleContext, evidence: EvidenceRepository, audit: AuditLog, now: () => number = Date.now) {
    this.context = context;
    this.evidence = evidence;
    this.audit = audit;
    this.now = now;
  }

  /**
   * Stores a file as evidence for an answer.
   * @throws DomainError `invalid` `assessment.invalid_file_name`, `assessment.invalid_visibility`,
   *   `assessment.evidence_type_mismatch`, `assessment.question_unknown`; `too_large`
   *   `assessment.evidence_too_large`; as `writable`.
   */
  async addFile(
    actor: Actor,
    name: string,
    country: string,
    question: string,
    input: { fileName: string; mediaType: string; visibility: string; content: AsyncIterable<Uint8Array> },
  ): Promise<EvidenceRecord> {
    const fileName = input.fileName.split(/[\\/]/).pop()!.trim();
    if (fileName === '' || fileName.length > NAME_MAX) throw invalid('assessment.invalid_file_name', `a file name has 1 to ${NAME_MAX} characters`, { field: 'file_name', max: NAME_MAX });
    const visibility = checkVisibility(input.visibility);
    const { edition, participant } = await this.writable(actor, name, country, question);
    const mediaType = input.mediaType.split(';')[0]!.trim().toLowerCase();
    const bytes = await readAll(input.content, EVIDENCE_MAX_BYTES);
    if (!looksLike(mediaType, bytes)) {
      throw invalid('assessment.evidence_type_mismatch', `the file's content is not ${mediaType}, as it was sent`, { media_type: mediaType, field: 'file' });
    }
    const record: EvidenceRecord = {
      id: randomUUID(),
      editionId: edition.id,
      country: participant.country,
      question,
      kind: 'file',
      visibility,
      name: fileName,
      mediaType,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      url: null,
      addedBy: userIdOf(actor),
      addedAt: this.now(),
    };
    await this.evidence.insert(record, bytes, this.audited(actor, 'assessment.evidence_add', record));
    return record;
  }

  /**
   * Links evidence to an answer.
   * @throws DomainError `invalid` `assessment.invalid_url`, `assessment.invalid_visibility`; as `writable`.
   */
  async addLink(actor: Actor, name: string, country: string, question: string, input: { url: string; title?: string | undefined; visibility: string }): Promise<EvidenceRecord> {
    let url: URL | undefined;
    try {
      url = new URL(input.url.trim());
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || input.url.length > 2000) {
      throw invalid('assessment.invalid_url', `evidence links are http or https addresses of at most 2000 characters; got "${input.url.slice(0, 100)}"`, { field: 'url' });
    }
    const visibility = checkVisibility(input.visibility);
    const title = (input.title?.trim() || url.href).slice(0, NAME_MAX);
    const { edition, participant } = await this.writable(actor, name, country, question);
    const record: EvidenceRecord = {
      id: randomUUID(),
      editionId: edition.id,
      country: participant.country,
      question,
      kind: 'link',
      visibility,
      name: title,
      mediaType: null,
      size: null,
      sha256: null,
      url: url.href,
      addedBy: userIdOf(actor),
      addedAt: this.now(),
    };
    await this.evidence.insert(record, null, this.audited(actor, 'assessment.evidence_add', record));
    return record;
  }

  /**
   * A piece of evidence, with its file's bytes (undefined for a link), if the actor may see it.
   * @throws DomainError `not_found` `assessment.evidence_not_found`.
   */
  async get(actor: Actor, id: string): Promise<{ evidence: EvidenceRecord; content: Uint8Array | undefined }> {
    const { evidence } = await this.visible(actor, id);
    return { evidence, content: evidence.kind === 'file' ? await this.evidence.content(id) : undefined };
  }

  /**
   * Removes a piece of evidence while its edition is open.
   * @throws DomainError `not_found` `assessment.evidence_not_found`; `forbidden` `assessment.answer_forbidden`;
   *   `conflict` `assessment.edition_not_open`.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    const { evidence, edition, participant } = await this.visible(actor, id);
    if (!mayAnswer(actor, participant)) throw forbidden('assessment.answer_forbidden', `only the focal point of ${participant.country} answers for it`, { country: participant.country });
    requireOpen(edition);
    await this.evidence.delete(id, this.audited(actor, 'assessment.evidence_remove', evidence));
  }

  private async visible(actor: Actor, id: string): Promise<{ evidence: EvidenceRecord; edition: EditionRecord; participant: ParticipantRecord }> {
    const missing = () => notFound('assessment.evidence_not_found', `there is no evidence "${id}"`, { id });
    const evidence = await this.evidence.find(id);
    if (!evidence) throw missing();
    const edition = await this.context.editions.findById(evidence.editionId);
    const participant = edition && (await this.context.participants.find(edition.id, evidence.country));
    if (!edition || !participant || !maySeeEvidence(actor, edition, participant, evidence)) throw missing();
    return { evidence, edition, participant };
  }

  /** The open edition and the participant the actor answers for, and the question is in the framework. */
  private async writable(actor: Actor, name: string, country: string, question: string): Promise<{ edition: EditionRecord; participant: ParticipantRecord }> {
    const edition = await this.context.cycle(actor, name);
    const participant = await this.context.participant(edition, country);
    if (!mayAnswer(actor, participant)) throw forbidden('assessment.answer_forbidden', `only the focal point of ${participant.country} answers for it`, { country: participant.country });
    requireOpen(edition);
    const model = await this.context.model(edition);
    if (!model.questions.some((q) => q.id === question)) {
      throw invalid('assessment.question_unknown', `there is no question "${question}" in framework ${model.framework.id}`, { question, field: 'question' });
    }
    return { edition, participant };
  }

  private audited(actor: Actor, action: string, evidence: EvidenceRecord) {
    return this.audit.within(actor, {
      action,
      target: evidence.id,
      details: { country: evidence.country, question: evidence.question, kind: evidence.kind, visibility: evidence.visibility, name: evidence.name, sha256: evidence.sha256 },
    });
  }
}

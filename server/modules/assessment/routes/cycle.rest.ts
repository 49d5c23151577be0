/** REST handlers of an edition run as a cycle (see the declarations in `cycle-rest-endpoints.ts`). */
import { invalid } from '../../../core/errors.ts';
import { bodyStream, RestReply, type RestRouter } from '../../../core/rest/rest-router.ts';
import { answersCsv } from '../../../../shared/assessment/answers-csv.ts';
import { readEditionFile } from '../../../../shared/assessment/edition-file.ts';
import { presentAnswer, presentEvidence, presentHistory, presentParticipant, presentProfile } from '../presenters/cycle.presenter.ts';
import { presentEdition } from '../presenters/edition.presenter.ts';
import type { AnswerService } from '../services/answer.service.ts';
import type { CycleService } from '../services/cycle.service.ts';
import type { EvidenceService } from '../services/evidence.service.ts';
import type { FrameworkService } from '../services/framework.service.ts';
import type { ProfileService } from '../services/profile.service.ts';
import { CYCLE_REST_ENDPOINTS as E } from './cycle-rest-endpoints.ts';

export interface CycleServices {
  frameworks: FrameworkService;
  cycles: CycleService;
  answers: AnswerService;
  evidence: EvidenceService;
  profiles: ProfileService;
}

type Body = Record<string, string | number | readonly string[] | undefined>;

const fileName = (name: string, extension: string) => `${name.replace(/[^\p{L}\p{N}._ -]/gu, '_')}.${extension}`;

function required(value: string | number | undefined, field: string): string {
  if (value === undefined || value === '') throw invalid('request.missing_field', `the query needs "${field}"`, { field, in: 'query' });
  return String(value);
}

export function cycleRestRoutes(router: RestRouter, { frameworks, cycles, answers, evidence, profiles }: CycleServices): void {
  router.handle(E.listFrameworks, async () => ({
    frameworks: (await frameworks.list()).map((f) => ({ id: f.id, version: f.version, title: f.title, shipped: f.shipped, created_at: f.shipped ? null : new Date(f.createdAt).toISOString() })),
  }));
  router.handle(E.getFramework, async ({ params, query }) => frameworks.read(params.id!, query.version as string | undefined));
  router.handle<Body>(E.openEdition, async ({ actor, body }) =>
    presentEdition(
      await cycles.open(actor, {
        name: body.name as string,
        framework: body.framework as string,
        frameworkVersion: body.framework_version as string | undefined,
        answersDue: body.answers_due as string | undefined,
        reviewDue: body.review_due as string | undefined,
        tiers: body.tiers as readonly string[] | undefined,
      }),
    ),
  );
  router.handle(E.getEdition, async ({ actor, params }) => {
    const { edition, model } = await cycles.get(actor, params.name!);
    return { edition: presentEdition(edition), framework: model?.framework ?? null };
  });
  router.handle(E.listParticipants, async ({ actor, params }) => ({ participants: (await cycles.participants(actor, params.name!)).participants.map(presentParticipant) }));
  router.handle<Body>(E.addParticipant, async ({ actor, params, body }) =>
    presentParticipant(await cycles.invite(actor, params.name!, { country: body.country as string, user: body.user as string | undefined })),
  );
  router.handle(E.focalPointCandidates, async ({ actor, query }) => ({ users: await cycles.focalPointCandidates(actor, required(query.country, 'country')) }));
  router.handle(E.listAssignments, async ({ actor }) => ({
    assignments: (await cycles.assignments(actor)).map((a) => ({ edition: presentEdition(a.edition), participant: presentParticipant(a.participant) })),
  }));
  router.handle(E.reviewQueue, async ({ actor }) => ({
    queue: (await cycles.reviewQueue(actor)).map((a) => ({ edition: presentEdition(a.edition), participant: presentParticipant(a.participant) })),
  }));
  router.handle(E.getAnswers, async ({ actor, params }) => {
    const found = await answers.answers(actor, params.name!, params.country!);
    return {
      edition: presentEdition(found.edition),
      participant: presentParticipant(found.participant),
      answers: found.answers.map((a) => presentAnswer(a, found.people)),
      evidence: found.evidence.map((e) => presentEvidence(e, found.people)),
    };
  });
  router.handle<Body>(E.saveAnswer, async ({ actor, params, body }) => {
    const { answer, people } = await answers.save(actor, params.name!, params.country!, params.question!, {
      level: body.level as string,
      comment: body.comment as string | undefined,
      revision: body.revision as number,
    });
    return presentAnswer(answer, people);
  });
  router.handle(E.submitAnswers, async ({ actor, params }) => presentParticipant(await answers.submit(actor, params.name!, params.country!)));
  router.handle<Body>(E.reviewAnswer, async ({ actor, params, body }) => {
    const { answer, people } = await answers.review(actor, params.name!, params.country!, params.question!, {
      action: body.action as string,
      comment: body.comment as string | undefined,
      level: body.level as string | undefined,
      revision: body.revision as number,
    });
    return presentAnswer(answer, people);
  });
  router.handle(E.answerHistory, async ({ actor, params }) => {
    const { history, people } = await answers.history(actor, params.name!, params.country!, params.question!);
    return presentHistory(history, people);
  });
  router.handle(E.uploadEvidence, async ({ actor, params, query, stream, mediaType }) => {
    const added = await evidence.addFile(actor, params.name!, params.country!, params.question!, {
      fileName: required(query.file_name, 'file_name'),
      visibility: required(query.visibility, 'visibility'),
      mediaType: mediaType ?? '',
      content: stream,
    });
    return presentEvidence(added, new Map([[added.addedBy, actor.kind === 'user' ? actor.name : added.addedBy]]));
  });
  router.handle<Body>(E.linkEvidence, async ({ actor, params, body }) => {
    const added = await evidence.addLink(actor, params.name!, params.country!, params.question!, {
      url: body.url as string,
      title: body.title as string | undefined,
      visibility: body.visibility as string,
    });
    return presentEvidence(added, new Map([[added.addedBy, actor.kind === 'user' ? actor.name : added.addedBy]]));
  });
  router.handle(E.getEvidence, async ({ actor, params }) => {
    const { evidence: found, content } = await evidence.get(actor, params.id!);
    if (found.kind === 'link') return new RestReply(undefined, { 'content-type': 'text/uri-list; charset=utf-8' }, bodyStream(`${found.url}\r\n`));
    const disposition = found.mediaType === 'application/pdf' || found.mediaType?.startsWith('image/') ? 'inline' : 'attachment';
    return new RestReply(
      undefined,
      { 'content-type': found.mediaType ?? 'application/octet-stream', 'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(found.name)}`, 'x-content-type-options': 'nosniff' },
      bodyStream(content ?? new Uint8Array()),
    );
  });
  router.handle(E.deleteEvidence, async ({ actor, params }) => {
    await evidence.remove(actor, params.id!);
    return { deleted: true };
  });
  router.handle(E.finaliseEdition, async ({ actor, params }) => presentEdition(await cycles.finalise(actor, params.name!)));
  router.handle(E.publishEdition, async ({ actor, params }) => presentEdition(await cycles.publish(actor, params.name!)));
  router.handle(E.getEditionFile, async ({ actor, params }) => {
    const { edition, text } = await cycles.editionFile(actor, params.name!);
    return new RestReply(undefined, { 'content-disposition': `attachment; filename="${fileName(edition.name, 'json')}"` }, bodyStream(text));
  });
  router.handle(E.getAnswersCsv, async ({ actor, params }) => {
    const { edition, text } = await cycles.editionFile(actor, params.name!);
    const file = readEditionFile(text).edition!;
    return new RestReply(undefined, { 'content-disposition': `attachment; filename="${fileName(edition.name, 'answers.csv')}"` }, bodyStream(answersCsv(file)));
  });
  router.handle(E.getProfile, async ({ actor, params, query }) => presentProfile(await profiles.profile(actor, params.country!, query.edition as string | undefined)));
}

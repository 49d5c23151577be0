// An edition run as a cycle over REST, on both databases: the team opens it on the shipped GCA framework and
// invites a focal point; the focal point answers (gated questions refused until their parent opens them),
// attaches evidence, submits; a reviewer asks for clarification, the focal point changes the answer and
// submits again, the reviewer accepts; two reviewers on one answer get a conflict, nothing overwritten; the
// edition is finalised and published, and its file recomputes to the published scores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { readEditionFile, differences } from '../../shared/assessment/edition-file.ts';
import { scoreAll, scoringModel } from '../../shared/assessment/scoring.ts';
import { jsonOf, runCli } from '../cli/cli-runner.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, recordedChanges, rest } from './rest-client.ts';

const EDITION = 'GCA 2027';
const at = (path: string) => `/assessment/editions/${encodeURIComponent(EDITION)}${path}`;
const answer = (question: string) => at(`/countries/TN/answers/${question}`);

describe.each(dialects)('an assessment cycle over REST on %s', (dialect) => {
  let server: TestServer;
  let focalPointId: string;
  const team = basic('team');
  const reviewer = basic('reviewer');
  const reviewer2 = basic('reviewer2');
  const focal = basic('focal');
  const stranger = basic('stranger');

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { users, organisations } = server.platform;
    await organisations.add(SYSTEM, { name: 'Ministère des TIC', type: 'member-state', subtype: 'ministry', country: 'TN' });
    await organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', subtype: 'national-cirt', country: 'MU' });
    await users.addUser({ name: 'team', password: 'team-password', roles: ['assessment-team'] });
    await users.addUser({ name: 'reviewer', password: 'reviewer-password', roles: ['assessment-reviewer'] });
    await users.addUser({ name: 'reviewer2', password: 'reviewer2-password', roles: ['assessment-reviewer'] });
    focalPointId = (await users.addUser({ name: 'focal', password: 'focal-password', roles: ['focal-point'], organisation: 'Ministère des TIC' })).id;
    await users.addUser({ name: 'mu-focal', password: 'mu-focal-password', roles: ['focal-point'], organisation: 'CERT-MU' });
    await users.addUser({ name: 'stranger', password: 'stranger-password', roles: ['analyst'], organisation: 'Ministère des TIC' });
  });
  afterAll(() => server.close());

  it('lets only the assessment team open an edition, on a shipped framework not imported before', async () => {
    const shipped = await rest(server, '/assessment/frameworks/gca-commitment', { auth: null });
    expect(shipped.body).toMatchObject({ id: 'gca-commitment', version: '1' });
    const refused = await rest(server, '/assessment/editions', { method: 'POST', auth: focal, body: { name: EDITION, framework: 'gca-commitment' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('assessment.manage_forbidden');
    const badTiers = await rest(server, '/assessment/editions', { method: 'POST', auth: team, body: { name: EDITION, framework: 'gca-commitment', tiers: ['top:90', 'high'] } });
    expect(badTiers.status).toBe(400);
    expect(badTiers.body.error.params).toMatchObject({ field: 'tiers', value: 'high' });

    const opened = await rest(server, '/assessment/editions', {
      method: 'POST',
      auth: team,
      body: { name: EDITION, framework: 'gca-commitment', answers_due: '2099-03-31', review_due: '2099-05-31' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ name: EDITION, kind: 'cycle', status: 'open', framework: { id: 'gca-commitment', version: '1' }, answers_due: '2099-03-31T00:00:00.000Z' });
    // Open editions are not public.
    const listed = await rest(server, '/assessment/editions', { auth: null });
    expect(listed.body.editions.map((e: { name: string }) => e.name)).not.toContain(EDITION);
    expect((await rest(server, at(''), { auth: null })).status).toBe(404);
  });

  it('invites a focal point only from a Member State administration of that country', async () => {
    const users = await server.platform.users.listUsers();
    const muFocal = users.find((u) => u.name === 'mu-focal')!.id;
    const strangerId = users.find((u) => u.name === 'stranger')!.id;
    const wrongCountry = await rest(server, at('/participants'), { method: 'POST', auth: team, body: { country: 'TN', user: muFocal } });
    expect(wrongCountry.status).toBe(400);
    expect(wrongCountry.body.error.code).toBe('assessment.focal_point_country');
    const notFocal = await rest(server, at('/participants'), { method: 'POST', auth: team, body: { country: 'TN', user: strangerId } });
    expect(notFocal.body.error.code).toBe('assessment.not_a_focal_point');

    const candidates = await rest(server, '/assessment/focal-point-candidates?country=TN', { auth: team });
    expect(candidates.body.users).toEqual([{ id: focalPointId, name: 'focal' }]);
    expect((await rest(server, '/assessment/focal-point-candidates?country=TN', { auth: focal })).status).toBe(403);
    const invited = await rest(server, at('/participants'), { method: 'POST', auth: team, body: { country: 'tn', user: focalPointId } });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ country: 'TN', basis: 'self-assessment', focal_point: { id: focalPointId, name: 'focal' }, status: 'invited', round: 0, answered: 0 });
    const again = await rest(server, at('/participants'), { method: 'POST', auth: team, body: { country: 'TN' } });
    expect(again.status).toBe(409);
    const publicEvidence = await rest(server, at('/participants'), { method: 'POST', auth: team, body: { country: 'MU' } });
    expect(publicEvidence.body).toMatchObject({ country: 'MU', basis: 'public-evidence', focal_point: null });

    const assignments = await rest(server, '/assessment/assignments', { auth: focal });
    expect(assignments.body.assignments.map((a: { edition: { name: string }; participant: { country: string } }) => [a.edition.name, a.participant.country])).toEqual([[EDITION, 'TN']]);
    const theirs = await rest(server, at('/participants'), { auth: focal });
    expect(theirs.body.participants.map((p: { country: string }) => p.country)).toEqual(['TN']);
  });

  it('takes draft answers from the focal point only, and refuses what the framework does not ask', async () => {
    const forbidden = await rest(server, answer('legal-cybercrime-substantive'), { method: 'PUT', auth: stranger, body: { level: 'in-place', revision: 0 } });
    expect(forbidden.status).toBe(404); // the stranger may not even see the participant
    const gated = await rest(server, answer('legal-cybercrime-safeguards'), { method: 'PUT', auth: focal, body: { level: 'in-place', revision: 0 } });
    expect(gated.status).toBe(400);
    expect(gated.body.error).toMatchObject({ code: 'assessment.question_gated', params: { parent: 'legal-cybercrime-procedural' } });
    const unknown = await rest(server, answer('no-such-question'), { method: 'PUT', auth: focal, body: { level: 'in-place', revision: 0 } });
    expect(unknown.body.error.code).toBe('assessment.question_unknown');
    const badLevel = await rest(server, answer('legal-cybercrime-substantive'), { method: 'PUT', auth: focal, body: { level: 'yes', revision: 0 } });
    expect(badLevel.body.error).toMatchObject({ code: 'assessment.level_unknown', params: { field: 'level' } });

    for (const [question, level] of [
      ['legal-cybercrime-substantive', 'in-place'],
      ['legal-cybercrime-procedural', 'partial'],
      ['legal-cybercrime-safeguards', 'in-place'],
      ['legal-data-protection-law', 'nonexistent'],
    ] as const) {
      const saved = await rest(server, answer(question), { method: 'PUT', auth: focal, body: { level, comment: 'قانون عدد 5 لسنة 2004', revision: 0 } });
      expect(saved.status, question).toBe(200);
      expect(saved.body).toMatchObject({ question, level, status: 'draft', revision: 1, updated_by: { name: 'focal' } });
    }
    const stale = await rest(server, answer('legal-cybercrime-substantive'), { method: 'PUT', auth: focal, body: { level: 'partial', revision: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'assessment.answer_conflict', params: { current: 1, sent: 0 } });
    const progress = await rest(server, at('/countries/TN/answers'), { auth: focal });
    expect(progress.body.participant).toMatchObject({ status: 'draft', answered: 4 });
    expect(progress.body.answers.find((a: { question: string }) => a.question === 'legal-cybercrime-substantive').level).toBe('in-place');
  });

  it('keeps evidence public or restricted, and refuses a file whose content is not its type', async () => {
    const upload = (visibility: string, body: string, type: string, name = 'loi.pdf') =>
      rest(server, `${answer('legal-cybercrime-substantive')}/evidence?file_name=${name}&visibility=${visibility}`, { method: 'POST', auth: focal, body, headers: { 'content-type': type } });
    const pdf = await upload('restricted', '%PDF-1.4\n% a restricted draft\n', 'application/pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ kind: 'file', visibility: 'restricted', name: 'loi.pdf', media_type: 'application/pdf', size: 30 });
    const fake = await upload('public', 'not a pdf at all', 'application/pdf');
    expect(fake.status).toBe(400);
    expect(fake.body.error.code).toBe('assessment.evidence_type_mismatch');
    const exe = await upload('public', 'MZ', 'application/x-msdownload', 'setup.exe');
    expect(exe.status).toBe(415);
    const huge = await upload('public', `%PDF-1.4\n${'x'.repeat(10 * 1024 * 1024)}`, 'application/pdf');
    expect(huge.status).toBe(413);
    expect((await rest(server, at('/countries/TN/answers'), { auth: focal })).body.evidence).toHaveLength(1); // only the first file
    const badVisibility = await upload('secret', '%PDF-1.4\n', 'application/pdf');
    expect(badVisibility.body.error).toMatchObject({ code: 'assessment.invalid_visibility', params: { field: 'visibility' } });
    const link = await rest(server, `${answer('legal-cybercrime-substantive')}/links`, {
      method: 'POST',
      auth: focal,
      body: { url: 'https://www.legislation.tn/fr/detailtexte/Loi-num-2004-5', title: 'Loi n° 2004-5', visibility: 'public' },
    });
    expect(link.status).toBe(201);
    const badLink = await rest(server, `${answer('legal-cybercrime-substantive')}/links`, { method: 'POST', auth: focal, body: { url: 'javascript:alert(1)', visibility: 'public' } });
    expect(badLink.body.error.code).toBe('assessment.invalid_url');

    const file = await rest(server, `/assessment/evidence/${pdf.body.id}`, { auth: reviewer, headers: { accept: '*/*' } });
    expect(file.status).toBe(200);
    expect(file.text).toBe('%PDF-1.4\n% a restricted draft\n');
    expect((await rest(server, `/assessment/evidence/${pdf.body.id}`, { auth: stranger })).status).toBe(404);
    expect((await rest(server, `/assessment/evidence/${link.body.id}`, { auth: null })).status).toBe(404); // public only once published
  });

  it('runs review rounds: clarification back to the focal point, resubmission, acceptance; two reviewers never overwrite each other', async () => {
    const notYet = await rest(server, `${answer('legal-cybercrime-substantive')}/review`, { method: 'POST', auth: reviewer, body: { action: 'accept', revision: 1 } });
    expect(notYet.body.error.code).toBe('assessment.answer_not_submitted');
    const submitted = await rest(server, at('/countries/TN/submit'), { method: 'POST', auth: focal });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', round: 1, awaiting_review: 4 });
    expect((await rest(server, at('/countries/TN/submit'), { method: 'POST', auth: focal })).body.error.code).toBe('assessment.nothing_to_submit');
    const locked = await rest(server, answer('legal-cybercrime-substantive'), { method: 'PUT', auth: focal, body: { level: 'partial', revision: 2 } });
    expect(locked.body.error.code).toBe('assessment.answer_locked');
    const queue = await rest(server, '/assessment/review-queue', { auth: reviewer });
    expect(queue.body.queue.map((q: { participant: { country: string } }) => q.participant.country)).toEqual(['TN']);
    expect((await rest(server, '/assessment/review-queue', { auth: focal })).status).toBe(403);

    const noComment = await rest(server, `${answer('legal-cybercrime-procedural')}/review`, { method: 'POST', auth: reviewer, body: { action: 'clarify', revision: 2 } });
    expect(noComment.body.error).toMatchObject({ code: 'assessment.comment_required', params: { field: 'comment' } });
    const clarify = await rest(server, `${answer('legal-cybercrime-procedural')}/review`, {
      method: 'POST',
      auth: reviewer,
      body: { action: 'clarify', comment: 'Which article covers search and seizure?', revision: 2 },
    });
    expect(clarify.body).toMatchObject({ status: 'clarification', revision: 3, review: { action: 'clarify', by: { name: 'reviewer' } } });
    // A second reviewer working from the revision the first one read: refused, nothing overwritten.
    const late = await rest(server, `${answer('legal-cybercrime-procedural')}/review`, { method: 'POST', auth: reviewer2, body: { action: 'accept', revision: 2 } });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'assessment.answer_conflict', params: { current: 3 } });
    const pending = await rest(server, at('/finalise'), { method: 'POST', auth: team });
    expect(pending.body.error).toMatchObject({ code: 'assessment.review_pending', params: { count: 3 } });

    const seen = await rest(server, at('/countries/TN/answers'), { auth: focal });
    expect(seen.body.participant.status).toBe('clarification');
    const returned = seen.body.answers.find((a: { question: string }) => a.question === 'legal-cybercrime-procedural');
    expect(returned.review.comment).toBe('Which article covers search and seizure?');
    const changed = await rest(server, answer('legal-cybercrime-procedural'), { method: 'PUT', auth: focal, body: { level: 'in-place', comment: 'Articles 9 to 12', revision: returned.revision } });
    expect(changed.body).toMatchObject({ status: 'draft', level: 'in-place', revision: 4 });
    expect((await rest(server, at('/countries/TN/submit'), { method: 'POST', auth: focal })).body).toMatchObject({ round: 2, awaiting_review: 4 });

    const current = (await rest(server, at('/countries/TN/answers'), { auth: reviewer })).body.answers as { question: string; revision: number }[];
    for (const a of current) {
      const body = a.question === 'legal-data-protection-law' ? { action: 'adjust', level: 'partial', comment: 'A draft law is before parliament.', revision: a.revision } : { action: 'accept', revision: a.revision };
      const reviewed = await rest(server, `${answer(a.question)}/review`, { method: 'POST', auth: reviewer, body });
      expect(reviewed.status, a.question).toBe(200);
    }
    const history = await rest(server, `${answer('legal-cybercrime-procedural')}/history`, { auth: team });
    expect(history.body.history.map((h: { action: string; level: string; by: { name: string } }) => [h.action, h.level, h.by.name])).toEqual([
      ['save', 'partial', 'focal'],
      ['submit', 'partial', 'focal'],
      ['clarify', 'partial', 'reviewer'],
      ['save', 'in-place', 'focal'],
      ['submit', 'in-place', 'focal'],
      ['accept', 'in-place', 'reviewer'],
    ]);
  });

  it('finalises and publishes a frozen edition whose file recomputes to the published scores', async () => {
    const mu = await rest(server, at('/countries/MU/answers/legal-cybercrime-substantive'), { method: 'PUT', auth: team, body: { level: 'partial', revision: 0 } });
    expect(mu.status).toBe(200);
    expect((await rest(server, at('/publish'), { method: 'POST', auth: team })).body.error.code).toBe('assessment.edition_not_finalised');
    const changes = await recordedChanges(server);
    const finalised = await rest(server, at('/finalise'), { method: 'POST', auth: team });
    expect(finalised.body.status).toBe('finalised');
    expect(await recordedChanges(server)).toBe(changes + 1);
    const frozen = await rest(server, answer('legal-cybercrime-substantive'), { method: 'PUT', auth: focal, body: { level: 'partial', revision: 5 } });
    expect(frozen.body.error.code).toBe('assessment.edition_not_open');
    expect((await rest(server, at('/edition.json'), { auth: null })).status).toBe(404);

    const published = await rest(server, at('/publish'), { method: 'POST', auth: team });
    expect(published.body).toMatchObject({ status: 'published' });
    const results = await rest(server, at('/results'), { auth: null });
    const tn = results.body.results.find((r: { country: string }) => r.country === 'TN');
    // legal: substantive 3×1, procedural 3×1, safeguards 2×1 (opened), electronic evidence 2×0, data protection 3×0.5, … others 0.
    expect(tn.pillars.legal).toBeGreaterThan(0);
    expect(tn.pillars.technical).toBe(0);

    const download = await rest(server, at('/edition.json'), { auth: null, headers: { accept: 'application/json' } });
    expect(download.status).toBe(200);
    const { edition, problems } = readEditionFile(download.text);
    expect(problems).toEqual([]);
    const recomputed = scoreAll(scoringModel(edition!.framework), edition!.answers, edition!.tiers);
    expect(differences(recomputed, edition!.scores!)).toEqual([]);
    // The real command, offline, on the downloaded file.
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-edition-')), 'edition.json');
    fs.writeFileSync(saved, download.text);
    const scored = await runCli(['assessment', 'score', saved, '--json']);
    expect(scored.code).toBe(0);
    expect(jsonOf<{ published: { matches: boolean } }>(scored).published.matches).toBe(true);
    expect(edition!.scores!.find((s) => s.country === 'TN')!.overall).toBe(tn.overall);
    expect(edition!.answers.TN).toMatchObject({ 'legal-cybercrime-procedural': 'in-place', 'legal-data-protection-law': 'partial' });
    const listed = (JSON.parse(download.text) as { evidence: { name: string }[] }).evidence.map((e) => e.name);
    expect(listed).toEqual(['Loi n° 2004-5']); // the restricted file is not published

    const csv = await rest(server, at('/answers.csv'), { auth: null, headers: { accept: 'text/csv' } });
    expect(csv.text.split('\r\n')[0]).toBe('country,question,number,pillar,indicator,level,credit,weight');
    expect(csv.text).toContain('TN,legal-data-protection-law,1.2.1,legal,legal-data-protection,partial,0.5,3');

    const anonymous = await rest(server, at('/countries/TN/answers'), { auth: null });
    expect(anonymous.body.evidence.map((e: { visibility: string }) => e.visibility)).toEqual(['public']);
    const profile = await rest(server, `/assessment/countries/TN/profile?edition=${encodeURIComponent(EDITION)}`, { auth: null });
    expect(profile.body.result).toMatchObject({ overall: tn.overall, basis: 'self-assessment' });
    // Data protection: a partial law (3 × 0.5) opens three sub-questions left unanswered (6 × 0): 1.5 / 9 in place.
    const growth = profile.body.growth.find((g: { indicator: string }) => g.indicator === 'legal-data-protection');
    expect(growth.share).toBeCloseTo(1.5 / 9, 10);
    expect(profile.body.needs[0]).toMatchObject({ pillar: expect.any(String), text: { ar: expect.any(String) } });
    expect(profile.body.evidence.map((e: { visibility: string }) => e.visibility)).toEqual(['public']);
    const insider = await rest(server, `/assessment/countries/TN/profile?edition=${encodeURIComponent(EDITION)}`, { auth: focal });
    expect(insider.body.evidence).toHaveLength(2);
  });
});

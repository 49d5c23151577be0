/**
 * The country profile page's server time (goal ≤ 200 ms): a published cycle edition of the shipped GCA
 * framework in which 194 countries answered every question that applies, and the GCI 2020 and 2024 results
 * imported beside it (the profile's history), then `GET /api/v1/assessment/countries/{country}/profile` over
 * HTTP, as the page calls it, anonymously. The answers are written in one transaction as a fixture (through
 * the services, 16,000 audited writes would take minutes); the edition is then finalised and published
 * through the services, so the scores are the engine's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { SYSTEM } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import { openPlatform } from '../server/platform.ts';
import { startServer } from '../server/serve.ts';
import { COUNTRY_CODES } from '../shared/assessment/iso3166.ts';
import { applies, scoringModel } from '../shared/assessment/scoring.ts';
import { SeededRandom } from '../shared/synthetic/random.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { median, p95 } from './stats.ts';
import { createEmptyStore } from './store.ts';

const COUNTRIES = 194;
const WARMUP = 10;
const REPEATS = 50;
const EDITION = 'Bench 2027';

export async function measureProfile(database: DatabaseKind, tmp: string, postgresUrl: string, gciDir: string | undefined): Promise<Measurement[]> {
  const store = await createEmptyStore(database, tmp, `profile-${database}`, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, {}));
  try {
    if (gciDir) {
      for (const [name, file] of [['GCI 2020', 'gci_2020.csv'], ['GCI 2024', 'gci_2024.csv']] as const) {
        await platform.editions.importResults(SYSTEM, { name, text: fs.readFileSync(path.join(gciDir, file), 'utf8') });
      }
    }
    await platform.cycles.open(SYSTEM, { name: EDITION, framework: 'gca-commitment' });
    const edition = (await platform.cycles.get(SYSTEM, EDITION)).edition;
    const model = scoringModel((await platform.cycles.get(SYSTEM, EDITION)).model!.framework);
    const countries = COUNTRY_CODES.filter((c) => c.region !== null).map((c) => c.alpha2).slice(0, COUNTRIES);
    const random = new SeededRandom(2027);
    const levels = ['nonexistent', 'partial', 'in-place'];
    const now = Date.now();
    await platform.db.transaction(async (tx) => {
      for (const country of countries) {
        await tx.run('INSERT INTO assessment_participants (edition_id, country, basis, focal_point, round, submitted_at, invited_at) VALUES (?, ?, ?, NULL, 1, ?, ?)', [edition.id, country, 'public-evidence', now, now]);
        const commitment = random.next();
        const answers: Record<string, string> = {};
        for (const question of model.questions) {
          if (!applies(model, question, answers)) continue;
          const level = levels[Math.min(2, Math.floor((commitment + random.next()) * 1.5))]!;
          answers[question.id] = level;
          await tx.run(
            `INSERT INTO assessment_answers (edition_id, country, question, level, comment, status, revision, updated_by, updated_at) VALUES (?, ?, ?, ?, NULL, 'accepted', 1, 'system', ?)`,
            [edition.id, country, question.id, level, now],
          );
        }
        await tx.run(
          `INSERT INTO assessment_evidence (id, edition_id, country, question, kind, visibility, name, url, added_by, added_at) VALUES (?, ?, ?, ?, 'link', 'public', 'law', 'https://example.org/law', 'system', ?)`,
          [randomUUID(), edition.id, country, model.questions[0]!.id, now],
        );
      }
    });
    const finaliseStarted = performance.now();
    await platform.cycles.finalise(SYSTEM, EDITION);
    const finaliseMs = performance.now() - finaliseStarted;
    await platform.cycles.publish(SYSTEM, EDITION);

    const server = await startServer(platform, '127.0.0.1', 0);
    try {
      const url = `${server.url}/api/v1/assessment/countries/${countries[97]}/profile?edition=${encodeURIComponent(EDITION)}`;
      const times: number[] = [];
      let needs = 0;
      for (let i = 0; i < WARMUP + REPEATS; i++) {
        const started = performance.now();
        const response = await fetch(url, { headers: { accept: 'application/json' } });
        const body = (await response.json()) as { needs: unknown[]; history: unknown[] };
        if (response.status !== 200) throw new Error(`profile answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
        if (i >= WARMUP) times.push(performance.now() - started);
        needs = body.needs.length;
      }
      return [
        {
          name: `assessment: country profile, ${COUNTRIES} countries × ${model.questions.length} questions (median)`,
          database,
          size: COUNTRIES,
          value: median(times),
          unit: 'ms',
          goal: 'assessmentProfile',
          detail: { p95: p95(times), repeats: REPEATS, needs, finaliseMs: Math.round(finaliseMs), withGciHistory: gciDir !== undefined },
        },
      ];
    } finally {
      await server.close();
    }
  } finally {
    await platform.close();
    await store.drop();
  }
}

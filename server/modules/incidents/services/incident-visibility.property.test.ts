/**
 * Who sees which incident: for any memberships, collection default, reporters and TLP levels, and a
 * recipients named, and a coordinator who triages what it can see, every reader's list of incidents (and each incident it is shown)
 * is exactly what the TLP oracle (test/support/sharing-world.ts) says of the incident's latest version. A
 * version the coordinator stores names the reporting organisation at AMBER and AMBER+STRICT, so the reporter
 * keeps its incident; a reader who may not see the latest version is shown none.
 *
 * THIQA_PROPERTY_RUNS sets the number of generated scenarios per database.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { loadConfig } from '../../../core/config.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { applyMemberships, buildWorld, clearance, COMMUNITIES, granted, LEVELS, ORGS, reaches, type CollectionModel, type Scenario, type VersionModel, type World } from '../../../../test/support/sharing-world.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 15);
/** user5 (organisation 2) coordinates. */
const COORDINATOR = 5;

const scenarioArbitrary = fc.record({
  memberships: fc.array(fc.array(fc.boolean(), { minLength: ORGS, maxLength: ORGS }), { minLength: COMMUNITIES, maxLength: COMMUNITIES }),
  community: fc.nat(COMMUNITIES - 1),
  defaultTlp: fc.integer({ min: 0, max: 2 }),
  incidents: fc.array(fc.record({
    reporter: fc.nat(7),
    // AMBER+STRICT twice as often, and the coordinator's organisation often named: the case where a
    // coordinator's version must name the reporter for it to keep its incident.
    tlp: fc.option(fc.constantFrom(0, 1, 2, 3, 3, 4), { nil: undefined }),
    recipients: fc.oneof(fc.subarray([0, 1, 2, 3]), fc.constant<number[]>([2])),
    triage: fc.boolean(),
  }), { minLength: 1, maxLength: 5 }),
});

describe.each(dialects)('incidents follow the visibility rules on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let world: World;
  let membership: boolean[][];
  let coordinator: Actor;
  let round = 0;
  let verdicts = 0;
  let moved = 0;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, {}));
    world = await buildWorld(platform);
    membership = Array.from({ length: COMMUNITIES }, () => Array.from({ length: ORGS }, () => false));
    const five = world.readers[COORDINATOR]!.actor as Extract<Actor, { kind: 'user' }>;
    coordinator = { ...five, roles: [...five.roles, 'incident-coordinator'] };
  });
  afterAll(async () => {
    await platform.close();
    await store.drop();
  });

  it('shows each reader exactly the incidents the oracle says it may see', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (generated) => {
        round++;
        await applyMemberships(platform, world, membership, generated.memberships);
        const scenario: Scenario = { memberships: generated.memberships };
        const community = world.communities[generated.community]!;
        const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: `i${round}`, defaultTlp: LEVELS[generated.defaultTlp]! });
        const model: CollectionModel = { community: generated.community, defaultTlp: generated.defaultTlp, grants: new Map([[`community:${generated.community}`, { read: true, write: true }]]) };
        const coordinatorReader = world.readers[COORDINATOR]!;

        const latest: { id: string; level: number; version: VersionModel }[] = [];
        const stored: VersionModel[] = [];
        for (const drawn of generated.incidents) {
          const reporter = world.readers[drawn.reporter]!;
          const recipients = drawn.recipients.map((o) => world.orgs[o]!.identityId);
          const reporting = platform.incidents.report(reporter.actor, collection.id, { name: `incident ${round}`, tlp: drawn.tlp === undefined ? undefined : LEVELS[drawn.tlp], recipients });
          if (!granted(world, scenario, reporter, model).write || (drawn.tlp === 2 && model.community === null)) {
            expect(await errorCode(reporting)).toBeDefined();
            continue;
          }
          const { incident } = await reporting;
          const level = drawn.tlp ?? model.defaultTlp;
          const reported: VersionModel = { object: incident.object, writer: drawn.reporter, levels: [], granular: null, recipientOrgs: drawn.recipients, recipientUsers: level === 4 ? [drawn.reporter] : [] };
          let version = reported;
          if (drawn.triage) {
            const moving = platform.incidents.move(coordinator, collection.id, incident.object.id as string, 'triaged');
            if (clearance(world, scenario, coordinatorReader, model, reported) >= level && granted(world, scenario, coordinatorReader, model).write) {
              await moving;
              moved++;
              const namesReporter = level === 2 || level === 3 ? (reporter.org === coordinatorReader.org ? [] : [reporter.org!]) : [];
              version = { ...reported, writer: COORDINATOR, recipientOrgs: [...drawn.recipients, ...namesReporter] };
            } else expect(await errorCode(moving)).toBeDefined();
          }
          latest.push({ id: incident.object.id as string, level, version });
          stored.push(reported, ...(version === reported ? [] : [version]));
        }

        for (const reader of world.readers) {
          const listing = platform.incidents.list(reader.actor, collection.id);
          // A reader with no grant still reaches the collection when a version names its organisation.
          if (!reaches(world, scenario, reader, model, stored)) {
            expect(await errorCode(listing)).toBeDefined();
            continue;
          }
          const seen = latest.filter((i) => clearance(world, scenario, reader, model, i.version) >= i.level).map((i) => i.id);
          expect((await listing).incidents.map((i) => i.object.id).sort(), reader.label).toEqual([...seen].sort());
          for (const i of latest) {
            const shown = await errorCode(platform.incidents.show(reader.actor, collection.id, i.id));
            expect(shown, `${reader.label} ${i.id}`).toBe(seen.includes(i.id) ? undefined : 'object.not_found');
            verdicts++;
          }
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`incident visibility on ${dialect}: ${round} scenarios, ${moved} triaged by the coordinator, ${verdicts} verdicts`);
    expect(verdicts).toBeGreaterThan(RUNS);
  }, 1_200_000);
});

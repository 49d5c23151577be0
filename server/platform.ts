/**
 * The composition root: opens the store, applies every module's migrations and wires repositories into
 * services. The server and the CLI both start here, so they always agree on the schema and the rules.
 */
import type { Config } from './core/config.ts';
import type { Database } from './core/db/database.ts';
import { migrate } from './core/db/migrate.ts';
import { openDatabase } from './core/db/open-database.ts';
import { auditMigrations } from './core/audit/audit-migrations.ts';
import { AuditRepository } from './core/audit/audit.repository.ts';
import { AuditLog } from './core/audit/audit.service.ts';
import { authMigrations } from './core/auth/auth-migrations.ts';
import { TokenRepository } from './core/auth/token.repository.ts';
import { UserRepository } from './core/auth/user.repository.ts';
import { UserService } from './core/auth/user.service.ts';
import { communityMigrations } from './core/communities/community-migrations.ts';
import { CommunityRepository } from './core/communities/community.repository.ts';
import { CommunityService } from './core/communities/community.service.ts';
import { organisationMigrations } from './core/organisations/organisation-migrations.ts';
import { OrganisationRepository } from './core/organisations/organisation.repository.ts';
import { OrganisationService } from './core/organisations/organisation.service.ts';
import { PrincipalService } from './core/principals/principal.service.ts';
import { exchangeMigrations } from './modules/exchange/repositories/exchange-migrations.ts';
import { ApiRootRepository } from './modules/exchange/repositories/api-root.repository.ts';
import { CollectionRepository } from './modules/exchange/repositories/collection.repository.ts';
import { ObjectRepository } from './modules/exchange/repositories/object.repository.ts';
import { StatusRepository } from './modules/exchange/repositories/status.repository.ts';
import { ApiRootService } from './modules/exchange/services/api-root.service.ts';
import { CollectionService } from './modules/exchange/services/collection.service.ts';
import { CommunityApiRootService } from './modules/exchange/services/community-api-root.service.ts';
import { ObjectService, type RecipientDirectory } from './modules/exchange/services/object.service.ts';
import { ObjectBrowseRepository } from './modules/exchange/repositories/object-browse.repository.ts';
import { ObjectBrowseService } from './modules/exchange/services/object-browse.service.ts';
import { BundleTransferService } from './modules/exchange/services/bundle-transfer.service.ts';
import { SYSTEM } from './core/auth/actor.ts';
import { registerRoles } from './core/roles/roles.ts';
import { assessmentMigrations } from './modules/assessment/repositories/assessment-migrations.ts';
import { EditionRepository } from './modules/assessment/repositories/edition.repository.ts';
import { EditionService } from './modules/assessment/services/edition.service.ts';
import { FrameworkRepository } from './modules/assessment/repositories/framework.repository.ts';
import { FrameworkService } from './modules/assessment/services/framework.service.ts';
import { EvidenceRepository } from './modules/assessment/repositories/evidence.repository.ts';
import { ParticipantRepository } from './modules/assessment/repositories/participant.repository.ts';
import { AnswerService } from './modules/assessment/services/answer.service.ts';
import { ASSESSMENT_ROLES } from './modules/assessment/services/assessment-roles.ts';
import { CycleContext } from './modules/assessment/services/cycle-context.ts';
import { CycleService, type CycleDirectory } from './modules/assessment/services/cycle.service.ts';
import { EvidenceService } from './modules/assessment/services/evidence.service.ts';
import { ProfileService } from './modules/assessment/services/profile.service.ts';
import { RegionSchemeRepository } from './modules/assessment/repositories/region-scheme.repository.ts';
import { RegionSchemeService } from './modules/assessment/services/region-scheme.service.ts';
import { gatewayMigrations } from './modules/gateway/repositories/gateway-migrations.ts';
import { DuplicateRepository } from './modules/gateway/repositories/duplicate.repository.ts';
import { RecordRepository } from './modules/gateway/repositories/record.repository.ts';
import { SearchRepository } from './modules/gateway/repositories/search.repository.ts';
import { DuplicateService } from './modules/gateway/services/duplicate.service.ts';
import { GATEWAY_ROLES } from './modules/gateway/services/gateway-roles.ts';
import { ModerationService } from './modules/gateway/services/moderation.service.ts';
import { RecordService } from './modules/gateway/services/record.service.ts';
import { RecordViews, type GatewayDirectory } from './modules/gateway/services/record-view.ts';
import { SearchService } from './modules/gateway/services/search.service.ts';
import { ImportRepository } from './modules/gateway/repositories/import.repository.ts';
import { GatewayFactsService } from './modules/gateway/services/facts.service.ts';
import { ImportService } from './modules/gateway/services/import.service.ts';
import { MatchingService } from './modules/gateway/services/matching.service.ts';
import { NetworkService } from './modules/gateway/services/network.service.ts';
import { feedMigrations } from './modules/feeds/repositories/feed-migrations.ts';
import { FeedRepository } from './modules/feeds/repositories/feed.repository.ts';
import { FeedService, type FeedReaders } from './modules/feeds/services/feed.service.ts';
import type { PatternValueKind } from '../shared/stix/pattern-values.ts';
import { warninglistMigrations } from './modules/warninglists/repositories/warninglist-migrations.ts';
import { WarningListRepository } from './modules/warninglists/repositories/warninglist.repository.ts';
import { WARNINGLIST_ROLES } from './modules/warninglists/services/warninglist-roles.ts';
import { WarningListService } from './modules/warninglists/services/warninglist.service.ts';
import { MispExportService } from './modules/misp/services/misp-export.service.ts';
import { MispImportService } from './modules/misp/services/misp-import.service.ts';
import { SightingService } from './modules/sightings/services/sighting.service.ts';
import { INCIDENT_ROLES } from './modules/incidents/services/incident-roles.ts';
import { IncidentService } from './modules/incidents/services/incident.service.ts';
import { IncidentStore } from './modules/incidents/services/incident-store.ts';
import { federationMigrations } from './modules/federation/repositories/federation-migrations.ts';
import { LinkRepository } from './modules/federation/repositories/link.repository.ts';
import { PeerRepository } from './modules/federation/repositories/peer.repository.ts';
import { ProvenanceRepository } from './modules/federation/repositories/provenance.repository.ts';
import { PersonalDataHoldRepository } from './modules/federation/repositories/personal-data-hold.repository.ts';
import { PersonalDataHoldService } from './modules/federation/services/personal-data-holds.ts';
import { taxiiRemote, type RemoteFactory } from './modules/federation/services/remote-factory.ts';
import { LinkService } from './modules/federation/services/link.service.ts';
import { PeerService } from './modules/federation/services/peer.service.ts';
import { SecretBox } from './modules/federation/services/secret-box.ts';
import { SyncService } from './modules/federation/services/sync.service.ts';
import { recordPushed } from './modules/federation/services/push-provenance.ts';
import { alertMigrations } from './modules/alerts/repositories/alert-migrations.ts';
import { DeadLetterRepository } from './modules/alerts/repositories/dead-letter.repository.ts';
import { DeliveryRepository } from './modules/alerts/repositories/delivery.repository.ts';
import { SubscriptionRepository } from './modules/alerts/repositories/subscription.repository.ts';
import { networkChannels } from './modules/alerts/services/alert-channels.ts';
import { AlertDeliveryService } from './modules/alerts/services/alert-delivery.service.ts';
import { AlertDispatchService } from './modules/alerts/services/alert-dispatch.service.ts';
import { AlertInboxService } from './modules/alerts/services/alert-inbox.service.ts';
import { ALERT_ROLES } from './modules/alerts/services/alert-roles.ts';
import { DeadLetterService } from './modules/alerts/services/dead-letter.service.ts';
import { SubscriptionService } from './modules/alerts/services/subscription.service.ts';
import { lookupMigrations } from './modules/lookup/repositories/lookup-migrations.ts';
import { ObservableRepository } from './modules/lookup/repositories/observable.repository.ts';
import { ObservableIndex } from './modules/lookup/services/observable-index.ts';
import { LookupService } from './modules/lookup/services/lookup.service.ts';

export interface Platform {
  config: Config;
  db: Database;
  audit: AuditLog;
  users: UserService;
  organisations: OrganisationService;
  communities: CommunityService;
  /** Grant principals and the caller's profile. */
  principals: PrincipalService;
  /** Communities with their TAXII API roots, and collections shared with a community. */
  communityApiRoots: CommunityApiRootService;
  apiRoots: ApiRootService;
  collections: CollectionService;
  objects: ObjectService;
  /** The web UI's reads of objects: browsing, detail with links, dashboard. */
  browse: ObjectBrowseService;
  /** Bundle files in and out of a collection (web UI upload and download). */
  transfer: BundleTransferService;
  /** The commitment index: editions and their results. */
  editions: EditionService;
  /** Frameworks of the commitment index, versioned. */
  frameworks: FrameworkService;
  /** Editions run as a cycle: opening, participants, finalising, publishing. */
  cycles: CycleService;
  /** Answers and their reviews. */
  answers: AnswerService;
  /** Evidence files and links. */
  evidence: EvidenceService;
  /** Country profiles. */
  profiles: ProfileService;
  /** Region schemes imported from CSV, for regional aggregates beyond UN M49. */
  regionSchemes: RegionSchemeService;
  /** Gateway records: proposals, corrections, reading, history. */
  gatewayRecords: RecordService;
  /** Gateway moderation: the queue and decisions. */
  gatewayModeration: ModerationService;
  /** Gateway search and exports. */
  gatewaySearch: SearchService;
  /** Gateway likely duplicates: dismiss, merge. */
  gatewayDuplicates: DuplicateService;
  /** Gateway bulk imports (CSV, JSON), with dry runs. */
  gatewayImport: ImportService;
  /** What the Gateway's records say of each country, and the gaps: evidence for the Assessment module. */
  gatewayFacts: GatewayFactsService;
  /** The cooperation network of the Gateway's agreements. */
  gatewayNetwork: NetworkService;
  /** A country's assessment needs matched with the Gateway's assistance offers. */
  gatewayMatching: MatchingService;
  /** Feeds for defenders (blocklists, Suricata rules, RPZ, DNSBL), each behind its own token. */
  feeds: FeedService;
  /** MISP warning lists: import, enable, and which lists a value is on (`isListed`/`hits` for exports). */
  warningLists: WarningListService;
  sightings: SightingService;
  /** Incidents as STIX incident objects with the Incident Core Extension: report, workflow, notes, links. */
  incidents: IncidentService;
  /** MISP events and feeds into a collection, through the Exchange's ingest. */
  mispImport: MispImportService;
  /** A collection as a MISP feed, through the Exchange's scoped export. */
  mispExport: MispExportService;
  /** Peer hubs of the federation, their credentials sealed. */
  peers: PeerService;
  /** Links between a peer's collection and a local one, with cursors and status. */
  links: LinkService;
  /** Hub-to-hub sync over the links. */
  sync: SyncService;
  /** Versions push links held back for personal data, and their confirmation. */
  personalDataHolds: PersonalDataHoldService;
  /** Alert subscriptions of users. */
  alertSubscriptions: SubscriptionService;
  /** The alert delivery worker (`run` inside `thiqa serve`; `deliverDue` once). */
  alertDelivery: AlertDeliveryService;
  /** In-app notifications and dead letters of users. */
  alertInbox: AlertInboxService;
  /** The hub's dead letters for administrators; retrying or discarding one (its owner, or an administrator). */
  alertDeadLetters: DeadLetterService;
  /** Observable values: the matching objects a caller may see, correlation counts, warning-list flags. */
  lookup: LookupService;
  /** The observable index, kept on every store and deletion; rebuilt whole by `reindex`. */
  observableIndex: ObservableIndex;
  close(): Promise<void>;
}

registerRoles(ASSESSMENT_ROLES);
registerRoles(GATEWAY_ROLES);
registerRoles(WARNINGLIST_ROLES);
registerRoles(INCIDENT_ROLES);
registerRoles(ALERT_ROLES);

// Organisations alter `users`, so they come after the auth migrations; communities refer to organisations.
export const migrations = [...authMigrations, ...organisationMigrations, ...communityMigrations, ...auditMigrations, ...exchangeMigrations, ...assessmentMigrations, ...gatewayMigrations, ...feedMigrations, ...warninglistMigrations, ...federationMigrations, ...alertMigrations, ...lookupMigrations];

/** Opens the store named by the configuration, migrated to the current schema. */
export async function openPlatform(config: Config, remote: RemoteFactory = taxiiRemote): Promise<Platform> {
  const db = await openDatabase(config.databaseUrl);
  try {
    await migrate(db, migrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  const audit = new AuditLog(new AuditRepository(db));
  const organisationRepository = new OrganisationRepository(db);
  const organisations = new OrganisationService(organisationRepository, audit);
  const users = new UserService(new UserRepository(db), new TokenRepository(db), audit, { organisations: organisationRepository });
  const communities = new CommunityService(new CommunityRepository(db), organisations, audit);
  const principals = new PrincipalService(users, organisations, communities);
  const apiRoots = new ApiRootService(new ApiRootRepository(db), audit);
  const collections = new CollectionService(new CollectionRepository(db), apiRoots, audit, communities, principals);
  const communityApiRoots = new CommunityApiRootService(communities, apiRoots, collections, { maxContentLength: config.maxContentLength });
  const recipients: RecipientDirectory = {
    organisationsByIdentity: async (identityIds) => {
      const wanted = new Set(identityIds);
      return new Map((await organisations.list(SYSTEM)).filter((o) => wanted.has(o.identityId)).map((o) => [o.identityId, o.id]));
    },
    usersByName: async (names) => {
      const found = new Map<string, string>();
      for (const name of names) {
        const user = await users.findUser(name);
        if (user && !user.disabled) found.set(name.toLowerCase(), user.id);
      }
      return found;
    },
  };
  const limits = { pageDefault: config.pageDefault, pageMax: config.pageMax };
  const objects = new ObjectService(new ObjectRepository(db), new StatusRepository(db), collections, audit, limits, recipients);
  const warningLists = new WarningListService(new WarningListRepository(db), audit);
  const browse = new ObjectBrowseService(new ObjectBrowseRepository(db), collections, organisations, communities, warningLists);
  const transfer = new BundleTransferService(objects, collections);
  const editionRepository = new EditionRepository(db);
  const regionSchemes = new RegionSchemeService(new RegionSchemeRepository(db), audit);
  const editions = new EditionService(editionRepository, audit, regionSchemes);
  const frameworks = new FrameworkService(new FrameworkRepository(db), audit);
  const evidenceRepository = new EvidenceRepository(db);
  const cycleContext = new CycleContext(editionRepository, new ParticipantRepository(db), frameworks);
  const directory: CycleDirectory = {
    user: async (id) => users.findById(id),
    users: async () => (await users.listUsers()).filter((u) => !u.disabled),
    organisation: async (id) => (await organisations.list(SYSTEM)).find((o) => o.id === id),
  };
  const cycles = new CycleService(cycleContext, frameworks, evidenceRepository, directory, audit);
  const answers = new AnswerService(cycleContext, evidenceRepository, directory, audit);
  const evidence = new EvidenceService(cycleContext, evidenceRepository, audit);
  const profiles = new ProfileService(cycleContext, editions, evidenceRepository);
  const names: GatewayDirectory = {
    names: async (ids) => {
      const found = new Map<string, string>();
      for (const id of new Set(ids)) {
        const name = id === 'system' ? 'system' : (await users.findById(id))?.name;
        if (name !== undefined) found.set(id, name);
      }
      return found;
    },
  };
  const gatewayRecordRepository = new RecordRepository(db);
  const gatewayDuplicateRepository = new DuplicateRepository(db);
  const gatewayViews = new RecordViews(gatewayRecordRepository, gatewayDuplicateRepository, names);
  const gatewayRecords = new RecordService(gatewayRecordRepository, gatewayViews, names, audit);
  const gatewayModeration = new ModerationService(gatewayRecordRepository, gatewayViews, names, audit);
  const gatewaySearchRepository = new SearchRepository(db);
  const gatewaySearch = new SearchService(gatewaySearchRepository);
  const gatewayImport = new ImportService(new ImportRepository(db), gatewayRecordRepository, audit);
  const gatewayFacts = new GatewayFactsService(gatewaySearchRepository);
  const gatewayNetwork = new NetworkService(gatewaySearchRepository);
  const gatewayMatching = new MatchingService(gatewaySearchRepository, profiles);
  const gatewayDuplicates = new DuplicateService(gatewayDuplicateRepository, gatewayRecordRepository, names, audit);
  const feedReaders: FeedReaders = {
    actorOf: async (userId) => {
      const user = await users.findById(userId);
      return user && !user.disabled ? { kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId } : undefined;
    },
  };
  // A feed's kinds of values as the warning lists name them (`shared/stix/pattern-values.ts`).
  const listKinds: Readonly<Record<string, [PatternValueKind, string?]>> = { ipv4: ['ipv4-addr'], ipv6: ['ipv6-addr'], domain: ['domain-name'], url: ['url'], sha256: ['file-hash', 'SHA-256'], email: ['email-addr'] };
  const feedWarningLists = {
    ready: () => warningLists.ready(),
    isListed: (kind: string, value: string) => {
      const [listKind, hash] = listKinds[kind] ?? [];
      return listKind !== undefined && warningLists.isListed(listKind, value, hash);
    },
  };
  const feeds = new FeedService(new FeedRepository(db), collections, objects, feedReaders, audit, feedWarningLists);
  const peers = new PeerService(new PeerRepository(db), organisations, new SecretBox(config.federation.key, config.dataDir), audit);
  const linkRepository = new LinkRepository(db);
  const links = new LinkService(linkRepository, peers, collections, communities, audit);
  const provenance = new ProvenanceRepository(db);
  const holdRepository = new PersonalDataHoldRepository(db);
  const personalDataHolds = new PersonalDataHoldService(holdRepository, audit);
  const sync = new SyncService(
    { links: linkRepository, provenance, holds: holdRepository, peers, objects, organisations, communities, remote },
    { pageSize: config.federation.pageSize, reconcileSeconds: config.federation.reconcileSeconds },
  );
  objects.onAccepted((accepted) => recordPushed({ peers, provenance }, accepted));
  const alertReaders = { ...feedReaders, languageOf: async (userId: string) => (await users.findById(userId))?.language ?? null };
  const alertStores = { subscriptions: new SubscriptionRepository(db), deliveries: new DeliveryRepository(db) };
  const alertBaseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const alertDelivery = new AlertDeliveryService(alertStores, objects, alertReaders, networkChannels({ url: config.alerts.smtpUrl, from: config.alerts.smtpFrom }), { baseUrl: alertBaseUrl });
  const alertDispatch = new AlertDispatchService(alertStores, { objects, collections }, alertReaders, () => alertDelivery.wake());
  objects.onAccepted(async (accepted) => void (await alertDispatch.dispatch(accepted)));
  const alertUsers = { idOf: async (name: string) => (await users.findUser(name))?.id, nameOf: async (id: string) => (await users.findById(id))?.name };
  const alertDeadLetters = new DeadLetterService({ deadLetters: new DeadLetterRepository(db), subscriptions: alertStores.subscriptions }, alertUsers, audit, () => alertDelivery.wake());
  const observableRepository = new ObservableRepository(db);
  const observableIndex = new ObservableIndex(observableRepository, objects, collections);
  observableIndex.attach();
  const sightings = new SightingService(objects, browse, collections, organisations);
  const lookup = new LookupService(observableRepository, objects, collections, warningLists, {
    of: (actor, collectionId, indicatorIds) => sightings.aggregatesOf(actor, collectionId, indicatorIds),
  });
  return {
    config,
    db,
    audit,
    users,
    organisations,
    communities,
    principals,
    communityApiRoots,
    apiRoots,
    collections,
    objects,
    browse,
    transfer,
    editions,
    frameworks,
    cycles,
    answers,
    evidence,
    profiles,
    regionSchemes,
    gatewayRecords,
    gatewayModeration,
    gatewaySearch,
    gatewayDuplicates,
    gatewayImport,
    gatewayFacts,
    gatewayNetwork,
    gatewayMatching,
    feeds,
    warningLists,
    sightings,
    incidents: new IncidentService(new IncidentStore(objects, collections, organisations, browse)),
    mispImport: new MispImportService(objects, collections),
    mispExport: new MispExportService(objects, collections),
    peers,
    links,
    sync,
    personalDataHolds,
    alertSubscriptions: new SubscriptionService(alertStores.subscriptions, collections, audit),
    alertDelivery,
    alertInbox: new AlertInboxService(alertStores.deliveries),
    alertDeadLetters,
    lookup,
    observableIndex,
    close: () => db.close(),
  };
}

/**
 * The Assessment module's tables. An edition is one run of the index (or, `kind` `scores-only`, results
 * published elsewhere, such as ITU's GCI 2020 and 2024); its results are one row per country (the overall
 * score) and one row per country and pillar. Scores are stored as doubles, exactly as read or computed.
 * Frameworks are stored by id and version; region schemes by name, with their regions and countries.
 */
import type { Migration } from '../../../core/db/migrate.ts';

const tables = (real: string): string[] => [
  `CREATE TABLE assessment_editions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    year INTEGER,
    source TEXT,
    created_at BIGINT NOT NULL
  )`,
  `CREATE TABLE assessment_results (
    edition_id TEXT NOT NULL REFERENCES assessment_editions (id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    overall ${real} NOT NULL,
    PRIMARY KEY (edition_id, country)
  )`,
  `CREATE TABLE assessment_pillar_scores (
    edition_id TEXT NOT NULL,
    country TEXT NOT NULL,
    pillar TEXT NOT NULL,
    score ${real} NOT NULL,
    PRIMARY KEY (edition_id, country, pillar),
    FOREIGN KEY (edition_id, country) REFERENCES assessment_results (edition_id, country) ON DELETE CASCADE
  )`,
];

/**
 * An edition run as a cycle: a framework version, deadlines and tiers; one participant per country (its focal
 * point, or the team assessing from public evidence); the current answer to each question, with a revision
 * for optimistic locking and every change kept in `assessment_answer_history`; evidence files (bytes stored
 * here, so the embedded store stays one file) and links. Published and finalised editions keep a frozen
 * snapshot: the edition file anyone downloads.
 */
const cycle = (bytes: string): string[] => [
  `ALTER TABLE assessment_editions ADD COLUMN status TEXT NOT NULL DEFAULT 'published'`,
  'ALTER TABLE assessment_editions ADD COLUMN framework_id TEXT',
  'ALTER TABLE assessment_editions ADD COLUMN framework_version TEXT',
  'ALTER TABLE assessment_editions ADD COLUMN answers_due BIGINT',
  'ALTER TABLE assessment_editions ADD COLUMN review_due BIGINT',
  'ALTER TABLE assessment_editions ADD COLUMN tiers TEXT',
  'ALTER TABLE assessment_editions ADD COLUMN published_at BIGINT',
  'ALTER TABLE assessment_editions ADD COLUMN snapshot TEXT',
  'ALTER TABLE assessment_results ADD COLUMN basis TEXT',
  `CREATE TABLE assessment_participants (
    edition_id TEXT NOT NULL REFERENCES assessment_editions (id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    basis TEXT NOT NULL,
    focal_point TEXT,
    round INTEGER NOT NULL,
    submitted_at BIGINT,
    invited_at BIGINT NOT NULL,
    PRIMARY KEY (edition_id, country)
  )`,
  'CREATE INDEX assessment_participants_focal_point ON assessment_participants (focal_point)',
  `CREATE TABLE assessment_answers (
    edition_id TEXT NOT NULL,
    country TEXT NOT NULL,
    question TEXT NOT NULL,
    level TEXT NOT NULL,
    comment TEXT,
    status TEXT NOT NULL,
    revision INTEGER NOT NULL,
    review_action TEXT,
    review_comment TEXT,
    reviewed_by TEXT,
    reviewed_at BIGINT,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (edition_id, country, question),
    FOREIGN KEY (edition_id, country) REFERENCES assessment_participants (edition_id, country) ON DELETE CASCADE
  )`,
  `CREATE TABLE assessment_answer_history (
    edition_id TEXT NOT NULL,
    country TEXT NOT NULL,
    question TEXT NOT NULL,
    revision INTEGER NOT NULL,
    action TEXT NOT NULL,
    level TEXT NOT NULL,
    comment TEXT,
    status TEXT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (edition_id, country, question, revision),
    FOREIGN KEY (edition_id, country, question) REFERENCES assessment_answers (edition_id, country, question) ON DELETE CASCADE
  )`,
  `CREATE TABLE assessment_evidence (
    id TEXT PRIMARY KEY,
    edition_id TEXT NOT NULL,
    country TEXT NOT NULL,
    question TEXT NOT NULL,
    kind TEXT NOT NULL,
    visibility TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT,
    size BIGINT,
    sha256 TEXT,
    url TEXT,
    content ${bytes},
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    FOREIGN KEY (edition_id, country) REFERENCES assessment_participants (edition_id, country) ON DELETE CASCADE
  )`,
  'CREATE INDEX assessment_evidence_answer ON assessment_evidence (edition_id, country, question)',
];

export const assessmentMigrations: Migration[] = [
  { id: 'assessment-0001-results', up: { sqlite: tables('REAL'), postgres: tables('DOUBLE PRECISION') } },
  {
    // Frameworks, versioned: a version once stored never changes, so an edition can always point at the
    // framework it was run on. The body is the framework's JSON as validated.
    id: 'assessment-0002-frameworks',
    up: [
      `CREATE TABLE assessment_frameworks (
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (id, version)
      )`,
    ],
  },
  { id: 'assessment-0003-cycle', up: { sqlite: cycle('BLOB'), postgres: cycle('BYTEA') } },
  {
    // Region schemes imported from CSV (ITU regions, Arab States, LDCs…): regions with their names, and the
    // countries of each (a country may be in several regions of a scheme). `names` is JSON: language → name.
    id: 'assessment-0004-region-schemes',
    up: [
      `CREATE TABLE assessment_region_schemes (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        source TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
      `CREATE TABLE assessment_scheme_regions (
        scheme_id TEXT NOT NULL REFERENCES assessment_region_schemes (id) ON DELETE CASCADE,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        names TEXT NOT NULL,
        PRIMARY KEY (scheme_id, region)
      )`,
      `CREATE TABLE assessment_region_members (
        scheme_id TEXT NOT NULL,
        region TEXT NOT NULL,
        country TEXT NOT NULL,
        PRIMARY KEY (scheme_id, region, country),
        FOREIGN KEY (scheme_id, region) REFERENCES assessment_scheme_regions (scheme_id, region) ON DELETE CASCADE
      )`,
    ],
  },
];

/**
 * Catalog values that may read the same in a language as in English: codes, proper names, or a word that
 * language spells the same (the missing-translation check in catalogs.test.ts refuses any other value equal to
 * the English one). Keyed by language, then by catalog key, each with why.
 */
export const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  ar: [],
  // KiB is the unit's symbol; Chinese quotes a place in the same marks as English.
  zh: ['cycle.size_kib', 'gateway.problem_place'],
  // French spells these words as English does.
  fr: [
    'incidents.nav',
    'incidents.title',
    'incidents.sector.agriculture',
    'incidents.sector.commercial',
    'incidents.sector.construction',
    'gateway.network_organisation',
    'common.actions',
    'nav.collections',
    'collections.title',
    'admin.collections',
    'collections.collection',
    'browse.title',
    'nav.admin',
    'admin.title',
    'admin.organisations',
    'admin.description',
    'stix_property.description',
    'stix_property.extensions',
    'object.versions_one',
    'object.versions_other',
    'dashboard.collection_count_one',
    'dashboard.collection_count_other',
    'assessment.country.score',
    'assessment.region.150',
    'cycle.nav_questionnaires',
    'cycle.participants',
    'cycle.visibility_public',
    'cycle.review_adjust_comment',
    'cycle.framework_version',
    'gateway.kind_correction',
    'gateway.field.source_url',
    'gateway.field.document_url',
    'gateway.field.organisations',
    'gateway.field.date',
    'gateway.field.participants',
    'alerts.tab_notifications',
    'alerts.notifications_title',
    'alerts.collections',
    'alerts.channel_webhook',
    'lookup.organisations',
    'sightings.organisations',
    'sightings.organisations_value_one',
    'sightings.organisations_value_other',
  ],
  ru: [],
  // «Roles» is the Spanish plural of «rol»; Asia, Melanesia and Micronesia are the UN's Spanish names too; KiB is the unit's symbol;
  // «regional», «bilateral» and «multilateral» are spelt alike in Spanish.
  es: [
    'admin.roles',
    'stix_property.roles',
    'assessment.region.142',
    'assessment.region.054',
    'assessment.region.057',
    'cycle.size_kib',
    'gateway.value.scope.regional',
    'gateway.value.form.bilateral',
    'gateway.value.form.multilateral',
    // «webhook» is the term Spanish-speaking CIRTs use as it is.
    'alerts.channel_webhook',
  ],
};

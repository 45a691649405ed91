import type { AnswerValue } from '@mamori/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const version = () => integer('version').notNull().default(1);

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale').notNull().default('ja'),
  isSystemAdmin: boolean('is_system_admin').notNull().default(false),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** Sealed with the secret key (crypto/keyring.ts), never in clear. */
  totpSecret: text('totp_secret'),
  totpPendingSecret: text('totp_pending_secret'),
  totpLastUsedStep: bigint('totp_last_used_step', { mode: 'number' }),
  /** Set when a system administrator disables the account (an inspector who left): no sign-in, no session, no token. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    ip: text('ip').notNull(),
    email: text('email').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);

/**
 * Sign-in failures per key — `ip:<address>` and `email:<address>`, whether or not the account exists — in a
 * window that starts at the first failure. Changed only by single atomic statements (auth/throttle.ts), so
 * concurrent attempts on any number of app servers are counted exactly.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
});

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  requireTotp: boolean('require_totp').notNull().default(false),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const facilities = pgTable(
  'facilities',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** JIS prefecture code; null when onboarded by script without one. */
    prefecture: text('prefecture'),
    healthCenter: text('health_center').notNull().default(''),
    bedCount: integer('bed_count'),
    /** Finding thresholds; null keeps the spec's defaults. */
    findingThresholds: jsonb('finding_thresholds').$type<Record<string, number>>(),
    accessLogSettings: jsonb('access_log_settings').$type<Record<string, unknown>>(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('facilities_org_idx').on(t.organizationId), index('facilities_area_idx').on(t.prefecture, t.healthCenter, t.name)],
);

export const organizationMembers = pgTable(
  'organization_members',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organization_members_org_user_idx').on(t.organizationId, t.userId), index('organization_members_user_idx').on(t.userId)],
);

export const facilityMembers = pgTable(
  'facility_members',
  {
    id: id(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('facility_members_facility_user_idx').on(t.facilityId, t.userId), index('facility_members_user_idx').on(t.userId)],
);

/** A health center's inspector (立入検査の検査員): a user account made by a system administrator. The id is the user's. */
export const inspectors = pgTable('inspectors', {
  id: uuid('id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** JIS prefecture code, as facilities have it. */
  prefecture: text('prefecture').notNull(),
  /** 保健所 */
  healthCenter: text('health_center').notNull(),
  createdAt: createdAt(),
});

/** A facility's read-only inspection access for one inspector, until its manager revokes it (the row is deleted). */
export const inspectionGrants = pgTable(
  'inspection_grants',
  {
    id: id(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectors.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('inspection_grants_facility_inspector_idx').on(t.facilityId, t.inspectorId), index('inspection_grants_inspector_idx').on(t.inspectorId)],
);

/** An inspection (立入検査) an inspector recorded at a facility that granted them access. */
export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Kept when the inspector's account goes: the record is the facility's. */
    inspectorId: uuid('inspector_id').references(() => inspectors.id, { onDelete: 'set null' }),
    inspectorName: text('inspector_name').notNull(),
    healthCenter: text('health_center').notNull(),
    inspectedOn: text('inspected_on').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('inspections_facility_idx').on(t.facilityId, t.inspectedOn)],
);

/** One 指摘事項 of an inspection, and the facility's answer to it. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: id(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    position: integer('position').notNull(),
    itemId: text('item_id'),
    text: text('text').notNull(),
    followUpRequested: boolean('follow_up_requested').notNull().default(false),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('inspection_findings_inspection_idx').on(t.inspectionId, t.position)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    organizationRole: text('organization_role'),
    facilityRoles: jsonb('facility_roles').$type<{ facilityId: string; role: string }[]>().notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_org_idx').on(t.organizationId)],
);

/**
 * The audit trail. No foreign keys: an event outlives what it describes. `sequence` is gapless and
 * each row hashes its predecessor, so edits, deletions and insertions outside the app are detectable.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    sequence: bigint('sequence', { mode: 'number' }).notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    organizationId: uuid('organization_id'),
    facilityId: uuid('facility_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_org_seq_idx').on(t.organizationId, t.sequence),
    index('audit_events_facility_seq_idx').on(t.facilityId, t.sequence),
    /** A record's own history (an asset's changes) is read by entity. */
    index('audit_events_entity_idx').on(t.entityId, t.sequence),
  ],
);

/** Evidence and documents, content-addressed so identical uploads are stored once. */
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  contentType: text('content_type').notNull(),
  content: bytea('content').notNull(),
  createdAt: createdAt(),
});

/**
 * One checklist form for one facility and fiscal year: the facility's own form (institution or
 * pharmacy), or a vendor form tied to a vendor (contracts arrive with the vendor portal).
 */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    fiscalYear: integer('fiscal_year').notNull(),
    edition: text('edition').notNull(),
    form: text('form').notNull(),
    vendorName: text('vendor_name'),
    /** Items the vendor's contract leaves out; someone else's form must cover them. */
    excludedItems: jsonb('excluded_items').$type<string[]>().notNull().default([]),
    hasVendorContract: boolean('has_vendor_contract').notNull().default(true),
    /** Answers carried over from last year wait here until confirmed (values only, no dates). */
    carriedOverFrom: uuid('carried_over_from'),
    /** Set for a vendor form requested through Mamori: the vendor answers it in the portal. */
    contractId: uuid('contract_id').references((): AnyPgColumn => vendorContracts.id),
    status: text('status'),
    invitedEmail: text('invited_email'),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    reminderDays: integer('reminder_days'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    reminderCount: integer('reminder_count').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assessments_facility_idx').on(t.facilityId, t.fiscalYear),
    uniqueIndex('assessments_own_form_idx').on(t.facilityId, t.fiscalYear, t.form).where(sql`vendor_name IS NULL`),
    uniqueIndex('assessments_contract_year_idx').on(t.contractId, t.fiscalYear).where(sql`contract_id IS NOT NULL`),
    /** The reminder job scans open requests. */
    index('assessments_open_requests_idx').on(t.status).where(sql`contract_id IS NOT NULL`),
  ],
);

export const answerRounds = pgTable(
  'answer_rounds',
  {
    id: id(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    round: integer('round').notNull(),
    value: text('value').notNull(),
    date: text('date'),
    targetDate: text('target_date'),
    note: text('note').notNull().default(''),
    riskAcceptance: text('risk_acceptance').notNull().default(''),
    /** A draft carried over from last year: a value to confirm, not yet an answer. */
    draft: boolean('draft').notNull().default(false),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
    version: version(),
  },
  (t) => [uniqueIndex('answer_rounds_item_round_idx').on(t.assessmentId, t.itemId, t.round)],
);

export const answerEvidence = pgTable(
  'answer_evidence',
  {
    id: id(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('answer_evidence_item_idx').on(t.assessmentId, t.itemId)],
);

const ledgerColumns = () => ({
  id: id(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  facilityId: uuid('facility_id')
    .notNull()
    .references(() => facilities.id),
});

/** 機器台帳: one row per device or cloud service. Dates are ISO date strings (no time zone games). */
export const assets = pgTable(
  'assets',
  {
    ...ledgerColumns(),
    managementNumber: text('management_number').notNull(),
    maker: text('maker').notNull().default(''),
    modelNumber: text('model_number').notNull().default(''),
    os: text('os').notNull().default(''),
    osVersion: text('os_version').notNull().default(''),
    firmwareVersion: text('firmware_version').notNull().default(''),
    software: text('software').notNull().default(''),
    softwareVersion: text('software_version').notNull().default(''),
    ipAddress: text('ip_address').notNull().default(''),
    computerName: text('computer_name').notNull().default(''),
    location: text('location').notNull().default(''),
    users: text('users').notNull().default(''),
    registeredOn: text('registered_on'),
    status: text('status').notNull().default('active'),
    description: text('description').notNull().default(''),
    kind: text('kind'),
    cloudModel: text('cloud_model'),
    holdsPatientData: boolean('holds_patient_data'),
    remoteMaintenance: text('remote_maintenance').notNull().default('unknown'),
    remoteMaintenanceBy: text('remote_maintenance_by').notNull().default(''),
    vendor: text('vendor').notNull().default(''),
    system: text('system').notNull().default(''),
    lastPatchedOn: text('last_patched_on'),
    updateStatus: text('update_status').notNull().default('unknown'),
    servicesReviewedOn: text('services_reviewed_on'),
    externalConnection: text('external_connection').notNull().default('unknown'),
    sourceRestrictions: jsonb('source_restrictions').$type<string[] | null>(),
    endOfLifeOn: text('end_of_life_on'),
    riskAcceptance: text('risk_acceptance').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('assets_facility_number_idx').on(t.facilityId, t.managementNumber)],
);

/** 利用者ID台帳: one row per login on one system; the same person has one row per system. */
export const accounts = pgTable(
  'accounts',
  {
    ...ledgerColumns(),
    loginId: text('login_id').notNull(),
    system: text('system').notNull().default(''),
    scope: text('scope').notNull().default('server'),
    department: text('department').notNull().default(''),
    jobType: text('job_type').notNull().default(''),
    familyName: text('family_name').notNull().default(''),
    givenName: text('given_name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    description: text('description').notNull().default(''),
    role: text('role').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    lastLoginOn: text('last_login_on'),
    temporary: boolean('temporary').notNull().default(false),
    retired: boolean('retired').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('accounts_facility_system_login_idx').on(t.facilityId, t.system, t.loginId)],
);

/** Headings a facility mapped once by hand, remembered for its next import. */
export const ledgerHeaderMappings = pgTable(
  'ledger_header_mappings',
  {
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    ledger: text('ledger').notNull(),
    header: text('header').notNull(),
    field: text('field').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('ledger_header_mappings_idx').on(t.facilityId, t.ledger, t.header)],
);

/**
 * A signed review of a ledger: the asset ledger confirmed current, or an account review (棚卸) with a
 * keep / disable / delete decision and reason per account — evidence for 2(1), 2(4) and 2(5).
 */
export const ledgerReviews = pgTable(
  'ledger_reviews',
  {
    ...ledgerColumns(),
    ledger: text('ledger').notNull(),
    reviewedOn: text('reviewed_on').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewerName: text('reviewer_name').notNull(),
    note: text('note').notNull().default(''),
    decisions: jsonb('decisions').$type<{ accountId: string; label: string; decision: string; reason: string }[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_reviews_facility_idx').on(t.facilityId, t.ledger, t.reviewedOn)],
);

/** A facility's own end-of-life rows, next to the built-in table. */
export const endOfLifeEntries = pgTable(
  'end_of_life_entries',
  {
    ...ledgerColumns(),
    product: text('product').notNull(),
    match: jsonb('match').$type<string[]>().notNull(),
    endOfLifeOn: text('end_of_life_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('end_of_life_entries_facility_idx').on(t.facilityId)],
);

/** 連絡体制図: every save is a new version; the newest is the chart. Older ones stay readable. */
export const contactChartVersions = pgTable(
  'contact_chart_versions',
  {
    ...ledgerColumns(),
    chartVersion: integer('chart_version').notNull(),
    entries: jsonb('entries').$type<unknown[]>().notNull(),
    edges: jsonb('edges').$type<unknown[]>().notNull(),
    note: text('note').notNull().default(''),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contact_chart_versions_idx').on(t.facilityId, t.chartVersion)],
);

export const backupPlans = pgTable(
  'backup_plans',
  {
    ...ledgerColumns(),
    system: text('system').notNull(),
    data: text('data').notNull().default(''),
    method: text('method').notNull(),
    frequency: text('frequency').notNull().default(''),
    generations: integer('generations').notNull(),
    location: text('location').notNull().default(''),
    offline: boolean('offline').notNull().default(false),
    immutable: boolean('immutable').notNull().default(false),
    restoreProcedure: text('restore_procedure').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('backup_plans_facility_idx').on(t.facilityId)],
);

export const restoreTests = pgTable(
  'restore_tests',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => backupPlans.id, { onDelete: 'cascade' }),
    testedOn: text('tested_on').notNull(),
    result: text('result').notNull(),
    minutesToRestore: integer('minutes_to_restore'),
    testedBy: text('tested_by').notNull(),
    notes: text('notes').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('restore_tests_plan_idx').on(t.planId, t.testedOn)],
);

/** The BCP's structured essentials, one row per facility. */
export const bcpPlans = pgTable('bcp_plans', {
  facilityId: uuid('facility_id')
    .primaryKey()
    .references(() => facilities.id),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  essentials: jsonb('essentials').$type<Record<string, string>>().notNull(),
  /** 策定予定日 while the BCP is not yet in place. */
  plannedOn: text('planned_on'),
  version: version(),
  updatedAt: updatedAt(),
});

/** The BCP document itself, every upload kept as a numbered version. */
export const bcpDocuments = pgTable(
  'bcp_documents',
  {
    ...ledgerColumns(),
    documentVersion: integer('document_version').notNull(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bcp_documents_version_idx').on(t.facilityId, t.documentVersion)],
);

/** BCP reviews (見直し) and drills (訓練). */
export const bcpRecords = pgTable(
  'bcp_records',
  {
    ...ledgerColumns(),
    kind: text('kind').notNull(),
    heldOn: text('held_on').notNull(),
    participants: text('participants').notNull().default(''),
    notes: text('notes').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('bcp_records_facility_idx').on(t.facilityId, t.heldOn)],
);

/** An incident as it happens: the calls to make (from the chart at that moment) and a timeline. */
export const incidents = pgTable(
  'incidents',
  {
    ...ledgerColumns(),
    title: text('title').notNull(),
    status: text('status').notNull().default('open'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    chartVersion: integer('chart_version'),
    steps: jsonb('steps').$type<{ key: string; name: string; organization: string; phone: string; calledBy: string | null; order: number }[]>().notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('incidents_facility_idx').on(t.facilityId, t.startedAt)],
);

export const incidentEvents = pgTable(
  'incident_events',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    contactKey: text('contact_key'),
    text: text('text').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('incident_events_incident_idx').on(t.incidentId, t.at)],
);

/** A vendor company (事業者). Created by a facility's contract; claimed by the first vendor user who accepts an invitation. */
export const vendors = pgTable('vendors', {
  id: id(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const vendorMembers = pgTable(
  'vendor_members',
  {
    id: id(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('vendor_members_vendor_user_idx').on(t.vendorId, t.userId), index('vendor_members_user_idx').on(t.userId)],
);

/** A facility's contract with a vendor: the systems it covers, maintenance, and prime/sub relations. */
export const vendorContracts = pgTable(
  'vendor_contracts',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    title: text('title').notNull(),
    systems: jsonb('systems').$type<string[]>().notNull(),
    maintenanceContract: boolean('maintenance_contract').notNull(),
    remoteMaintenance: boolean('remote_maintenance').notNull(),
    handlesPatientData: boolean('handles_patient_data').notNull().default(true),
    primeContractId: uuid('prime_contract_id').references((): AnyPgColumn => vendorContracts.id),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    notes: text('notes').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('vendor_contracts_facility_idx').on(t.facilityId), index('vendor_contracts_vendor_idx').on(t.vendorId)],
);

/** A single-use, expiring link to a requested vendor form; only its hash is kept. */
export const vendorInvitations = pgTable(
  'vendor_invitations',
  {
    id: id(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => vendorContracts.id),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('vendor_invitations_assessment_idx').on(t.assessmentId)],
);

/** The thread on a vendor form: the facility's questions and the vendor's replies, per item or for the whole form. */
export const vendorFormComments = pgTable(
  'vendor_form_comments',
  {
    id: id(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    itemId: text('item_id'),
    side: text('side').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('vendor_form_comments_assessment_idx').on(t.assessmentId, t.createdAt)],
);

/** A vendor's answers for one product, applied to many contracts' forms. */
export const answerSets = pgTable(
  'answer_sets',
  {
    id: id(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    product: text('product').notNull(),
    edition: text('edition').notNull(),
    excludedItems: jsonb('excluded_items').$type<string[]>().notNull().default([]),
    answers: jsonb('answers').$type<Record<string, { value: AnswerValue; targetDate: string | null; note: string }>>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('answer_sets_vendor_idx').on(t.vendorId)],
);

/** MDS/SDS register (医療情報セキュリティ開示書): per contracted system, the statement received. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => vendorContracts.id, { onDelete: 'cascade' }),
    system: text('system').notNull(),
    kind: text('kind').notNull(),
    jahisVersion: text('jahis_version').notNull(),
    receivedOn: text('received_on').notNull(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedSide: text('uploaded_side').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('disclosures_contract_idx').on(t.contractId), index('disclosures_facility_idx').on(t.facilityId)],
);

/** The role-sharing table (役割分担表) of one contract: proposed by either side, confirmed by the facility. */
export const roleSharingTables = pgTable('role_sharing_tables', {
  contractId: uuid('contract_id')
    .primaryKey()
    .references(() => vendorContracts.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  facilityId: uuid('facility_id')
    .notNull()
    .references(() => facilities.id),
  status: text('status').notNull(),
  rows: jsonb('rows').$type<{ area: string; responsible: 'facility' | 'vendor' | 'both' | null; action: string; notes: string }[]>().notNull(),
  proposedSide: text('proposed_side'),
  proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
  proposedAt: timestamp('proposed_at', { withTimezone: true }),
  confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  version: version(),
  updatedAt: updatedAt(),
});

/**
 * A server or system whose access logs Mamori keeps (2(6)). The chain head (`headSeq`, `headHash`) and the base
 * retention left (`baseSeq`, `baseHash`: the first event still kept follows that hash) move with every append;
 * they are not the user's to edit, so they do not bump `version`.
 */
export const logSources = pgTable(
  'log_sources',
  {
    ...ledgerColumns(),
    name: text('name').notNull(),
    assetId: uuid('asset_id').references(() => assets.id, { onDelete: 'set null' }),
    accountSystem: text('account_system'),
    timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
    format: text('format'),
    columnMapping: jsonb('column_mapping').$type<Record<string, unknown>>(),
    syslogAddress: text('syslog_address'),
    tokenHash: text('token_hash').notNull(),
    headSeq: bigint('head_seq', { mode: 'number' }).notNull().default(0),
    headHash: text('head_hash').notNull(),
    baseSeq: bigint('base_seq', { mode: 'number' }).notNull().default(1),
    baseHash: text('base_hash').notNull(),
    /** The newest seq an audit event records (ingest or checkpoint): the upkeep job anchors heads beyond it. */
    anchoredSeq: bigint('anchored_seq', { mode: 'number' }).notNull().default(0),
    lastReceivedAt: timestamp('last_received_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('log_sources_facility_name_idx').on(t.facilityId, t.name),
    uniqueIndex('log_sources_token_idx').on(t.tokenHash),
    uniqueIndex('log_sources_syslog_address_idx').on(t.syslogAddress),
  ],
);

/**
 * Every line a source sent, append-only, chained per source by `hash` (over the previous event's hash and this
 * event's fields). Partitioned by month of `receivedAt` (migration 0008): the primary key carries it.
 */
export const logEvents = pgTable(
  'log_events',
  {
    sourceId: uuid('source_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    parsed: boolean('parsed').notNull(),
    host: text('host'),
    userName: text('user_name'),
    category: text('category'),
    outcome: text('outcome'),
    sourceIp: text('source_ip'),
    action: text('action'),
    raw: text('raw').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.seq, t.receivedAt] }),
    index('log_events_time_idx').on(t.sourceId, t.occurredAt, t.seq),
    index('log_events_user_idx').on(t.sourceId, t.userName, t.occurredAt, t.seq),
    index('log_events_address_idx').on(t.sourceId, t.sourceIp, t.occurredAt, t.seq),
  ],
);

/** A reviewer's sign-off of a period of one source: the evidence 2(6) asks for. */
export const logReviews = pgTable(
  'log_reviews',
  {
    ...ledgerColumns(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => logSources.id),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    note: text('note').notNull(),
    events: integer('events').notNull(),
    alerts: integer('alerts').notNull(),
    throughSeq: bigint('through_seq', { mode: 'number' }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('log_reviews_source_idx').on(t.sourceId, t.periodTo)],
);

/** What the alert rules found, one row per rule, subject and burst; e-mailed once (`notifiedAt`). */
export const logAlerts = pgTable(
  'log_alerts',
  {
    ...ledgerColumns(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => logSources.id),
    rule: text('rule').notNull(),
    subject: text('subject').notNull(),
    count: integer('count').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    detectedAt: createdAt(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('log_alerts_identity_idx').on(t.sourceId, t.rule, t.subject, t.firstAt), index('log_alerts_facility_idx').on(t.facilityId, t.lastAt)],
);

/**
 * The signed-in user's inbox, and the record of every reminder sent (issue 16): one row per recipient and
 * occasion. Its unique key (kind, facility, subject, occasion, recipient) is what makes a reminder go out once
 * however many app servers scan the same day — each inserts with ON CONFLICT DO NOTHING in the transaction that
 * queues the e-mail, and only the insert that made the row queues one.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    kind: text('kind').notNull(),
    /** What it is about within the facility: `<form>:<item>`, a backup plan, a log source, `fy2025`, `bcp`, a vendor form. */
    subjectId: text('subject_id').notNull(),
    /** `14-days:<date>`, `due:<date>`, `overdue:<YYYY-MM>`, `<YYYY-MM>`, `reminder-<n>`. */
    occasion: text('occasion').notNull(),
    phase: text('phase').notNull(),
    /** What the text and the link read (the domain's `notificationTitle`, `notificationPath`). */
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull(),
    /** How it was to be mailed when it was made: `immediate` (queued with it) or `daily` (the morning digest). */
    delivery: text('delivery').notNull(),
    /** When its e-mail was queued: at once, or by the digest; null while a `daily` one waits. */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_occasion_idx').on(t.kind, t.facilityId, t.subjectId, t.occasion, t.userId),
    index('notifications_inbox_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at IS NULL`),
    index('notifications_digest_idx').on(t.userId).where(sql`delivery = 'daily' AND mailed_at IS NULL`),
  ],
);

/** A user's choice per notification kind; no row: `standard` (the domain's `deliveryFor`). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * A facility's checklist year as the dashboards count it (`summarizeEvaluation`): kept so a prefecture's thousands of
 * facilities are filtered and counted in SQL. Recomputed from the audit trail's changes (`oversight/refresh.ts`).
 */
export const facilityYearSummaries = pgTable(
  'facility_year_summaries',
  {
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    requiredItems: integer('required_items').notNull(),
    answeredItems: integer('answered_items').notNull(),
    blockingProblems: integer('blocking_problems').notNull(),
    ready: boolean('ready').notNull(),
    /** Sorted; the first is what "overdue" is asked of, so it has its own column. */
    openTargets: jsonb('open_targets').$type<string[]>().notNull(),
    nextTargetDate: text('next_target_date'),
    vendorFormsExpected: integer('vendor_forms_expected').notNull(),
    vendorsNotAnswering: jsonb('vendors_not_answering').$type<string[]>().notNull(),
    summarizedAt: timestamp('summarized_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.fiscalYear] }), index('facility_year_summaries_year_idx').on(t.fiscalYear, t.ready)],
);

/** How far the summaries have read the audit trail: one row. */
export const oversightCursor = pgTable('oversight_cursor', {
  id: integer('id').primaryKey(),
  auditSequence: bigint('audit_sequence', { mode: 'number' }).notNull(),
});

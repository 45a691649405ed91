import { JOB_SCHEMA } from '../jobs/schema.js';

/** Every application table, parents before children: the order backups are written and restored in. */
const appTables = [
  'users',
  'organizations',
  'facilities',
  'organization_members',
  'facility_members',
  'invitations',
  'sessions',
  'api_tokens',
  'login_attempts',
  'audit_events',
  'files',
  'vendors',
  'vendor_members',
  'vendor_contracts',
  'assessments',
  'answer_rounds',
  'answer_evidence',
  'assets',
  'accounts',
  'ledger_header_mappings',
  'ledger_reviews',
  'end_of_life_entries',
  'contact_chart_versions',
  'backup_plans',
  'restore_tests',
  'bcp_plans',
  'bcp_documents',
  'bcp_records',
  'incidents',
  'incident_events',
  'vendor_invitations',
  'vendor_form_comments',
  'answer_sets',
  'disclosures',
  'role_sharing_tables',
  'log_sources',
  'log_events',
  'log_reviews',
  'log_alerts',
  'notifications',
  'notification_preferences',
  'inspectors',
  'inspection_grants',
  'inspections',
  'inspection_findings',
  'facility_year_summaries',
  'oversight_cursor',
] as const;

export interface BackupTable {
  schema: string;
  name: string;
  /** Rows the server writes for itself on start (queue settings, schedules): kept when the target already has them. */
  merge?: boolean;
  /** A column too large for a row line: each value becomes a tar entry of its own, named by `key`. */
  blob?: { column: string; key: string };
}

/**
 * What a backup holds, in restore order. The job tables are included so queued mail and reminders are not
 * lost; pg-boss's version, migration bookkeeping, warnings and statistics are not data and are rebuilt.
 */
export const backupTables: readonly BackupTable[] = [
  ...appTables.map(
    (name): BackupTable => (name === 'files' ? { schema: 'public', name, blob: { column: 'content', key: 'sha256' } } : { schema: 'public', name }),
  ),
  { schema: JOB_SCHEMA, name: 'queue', merge: true },
  { schema: JOB_SCHEMA, name: 'schedule', merge: true },
  { schema: JOB_SCHEMA, name: 'subscription', merge: true },
  { schema: JOB_SCHEMA, name: 'job' },
  { schema: JOB_SCHEMA, name: 'job_dependency' },
];

/** How a table is named in the archive and in the summary: app tables bare, job tables with their schema. */
export const tableLabel = (t: BackupTable) => (t.schema === 'public' ? t.name : `${t.schema}.${t.name}`);
export const qualifiedName = (t: BackupTable) => `"${t.schema}"."${t.name}"`;

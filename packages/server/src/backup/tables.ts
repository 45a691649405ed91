/** Every application table, parents before children: the order backups are written and restored in. */
export const backupTables = [
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
  'assessments',
  'answer_rounds',
  'answer_evidence',
] as const;

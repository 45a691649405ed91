/** Page paths of the incident-readiness screens (インシデント対応), so links stay consistent. */
export const readinessPaths = {
  overview: (facilityId: string) => `/facilities/${facilityId}/readiness`,
  contacts: (facilityId: string) => `/facilities/${facilityId}/readiness/contacts`,
  backups: (facilityId: string) => `/facilities/${facilityId}/readiness/backups`,
  /** One backup plan on the backups page (findings for 3(2) link here). */
  backupPlan: (facilityId: string, planId: string) => `/facilities/${facilityId}/readiness/backups#plan-${encodeURIComponent(planId)}`,
  bcp: (facilityId: string) => `/facilities/${facilityId}/readiness/bcp`,
  incidents: (facilityId: string) => `/facilities/${facilityId}/readiness/incidents`,
  incident: (facilityId: string, incidentId: string) => `/facilities/${facilityId}/readiness/incidents/${encodeURIComponent(incidentId)}`,
};

/** The four pages under インシデント対応, in the order of the navigation. */
export const readinessPages = [
  { key: 'contacts', path: 'readiness/contacts' },
  { key: 'backups', path: 'readiness/backups' },
  { key: 'bcp', path: 'readiness/bcp' },
  { key: 'incidents', path: 'readiness/incidents' },
] as const;

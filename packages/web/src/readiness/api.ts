import { useQuery } from '@tanstack/react-query';
import type {
  BackupPlanFields,
  BackupPlanView,
  BcpDocumentView as BcpDocumentSchema,
  BcpEssentials,
  BcpRecordView as BcpRecordSchema,
  BcpView,
  ContactChartContent,
  ContactChartVersionSummary as ContactChartVersionSchema,
  ContactChartView,
  ContactEdge,
  ContactEntry,
  IncidentEventView as IncidentEventSchema,
  IncidentStepView as IncidentStepSchema,
  IncidentSummary as IncidentSummarySchema,
  IncidentView,
  RestoreTestFields,
  RestoreTestView,
} from '@mamori/domain';
import { api } from '../api/client';

// The domain exports zod schemas; `_output` gives their parsed type without the web package depending on zod.
type Out<T extends { _output: unknown }> = T['_output'];

export type {
  BackupPlanFields,
  BackupPlanView,
  BcpEssentials,
  BcpView,
  ContactChartContent,
  ContactChartView,
  ContactEdge,
  ContactEntry,
  IncidentView,
  RestoreTestFields,
  RestoreTestView,
};
export type ContactChartVersion = Out<typeof ContactChartVersionSchema>;
export type BcpDocument = Out<typeof BcpDocumentSchema>;
export type BcpRecord = Out<typeof BcpRecordSchema>;
export type BcpRecordKind = BcpRecord['kind'];
export type IncidentSummary = Out<typeof IncidentSummarySchema>;
export type IncidentEvent = Out<typeof IncidentEventSchema>;
export type IncidentEventKind = IncidentEvent['kind'];
export type IncidentStep = Out<typeof IncidentStepSchema>;

/**
 * Everything of one facility's readiness shares a prefix; findings for 3(1)–3(3) live under the
 * ledger keys, so a save invalidates both (see `invalidateReadiness`).
 */
export const readinessKeys = {
  facility: (facilityId: string) => ['readiness', facilityId] as const,
  chart: (facilityId: string) => ['readiness', facilityId, 'chart'] as const,
  chartVersions: (facilityId: string) => ['readiness', facilityId, 'chart', 'versions'] as const,
  chartVersion: (facilityId: string, version: number) => ['readiness', facilityId, 'chart', 'version', version] as const,
  backups: (facilityId: string) => ['readiness', facilityId, 'backups'] as const,
  bcp: (facilityId: string) => ['readiness', facilityId, 'bcp'] as const,
  incidents: (facilityId: string) => ['readiness', facilityId, 'incidents'] as const,
  incident: (facilityId: string, id: string) => ['readiness', facilityId, 'incident', id] as const,
};

const f = (facilityId: string) => `/facilities/${encodeURIComponent(facilityId)}`;

// --- 連絡体制図 ---

export function useContactChart(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.chart(facilityId),
    queryFn: () => api<ContactChartView>(`${f(facilityId)}/contact-chart`),
    enabled: !!facilityId && enabled,
  });
}

export function useChartVersions(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.chartVersions(facilityId),
    queryFn: () => api<ContactChartVersion[]>(`${f(facilityId)}/contact-chart/versions`),
    enabled: !!facilityId && enabled,
  });
}

export function useChartVersion(facilityId: string, version: number | null) {
  return useQuery({
    queryKey: readinessKeys.chartVersion(facilityId, version ?? 0),
    queryFn: () => api<ContactChartView>(`${f(facilityId)}/contact-chart/versions/${version}`),
    enabled: !!facilityId && version !== null,
    // A saved version never changes.
    staleTime: Infinity,
  });
}

export function saveContactChart(facilityId: string, body: ContactChartContent & { baseVersion: number | null }) {
  return api<ContactChartView>(`${f(facilityId)}/contact-chart`, { method: 'PUT', body });
}

export function chartPdfUrl(facilityId: string, version: number, locale: string) {
  return `/api/v1${f(facilityId)}/contact-chart/export.pdf?version=${version}&locale=${locale === 'en' ? 'en' : 'ja'}`;
}

// --- バックアップ ---

export function useBackupPlans(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.backups(facilityId),
    queryFn: () => api<BackupPlanView[]>(`${f(facilityId)}/backup-plans`),
    enabled: !!facilityId && enabled,
  });
}

export function createBackupPlan(facilityId: string, body: BackupPlanFields) {
  return api<BackupPlanView>(`${f(facilityId)}/backup-plans`, { method: 'POST', body });
}

export function updateBackupPlan(planId: string, body: Partial<BackupPlanFields> & { version: number }) {
  return api<BackupPlanView>(`/backup-plans/${encodeURIComponent(planId)}`, { method: 'PATCH', body });
}

export function deleteBackupPlan(planId: string, version: number) {
  return api<void>(`/backup-plans/${encodeURIComponent(planId)}`, { method: 'DELETE', query: { version } });
}

export function addRestoreTest(planId: string, body: RestoreTestFields) {
  return api<BackupPlanView>(`/backup-plans/${encodeURIComponent(planId)}/restore-tests`, { method: 'POST', body });
}

export function deleteRestoreTest(testId: string) {
  return api<void>(`/restore-tests/${encodeURIComponent(testId)}`, { method: 'DELETE' });
}

// --- BCP ---

export function useBcp(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.bcp(facilityId),
    queryFn: () => api<BcpView>(`${f(facilityId)}/bcp`),
    enabled: !!facilityId && enabled,
  });
}

export function saveBcp(facilityId: string, body: { version: number | null; essentials: BcpEssentials; plannedOn: string | null }) {
  return api<BcpView>(`${f(facilityId)}/bcp`, { method: 'PUT', body });
}

export function uploadBcpDocument(facilityId: string, file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<BcpView>(`${f(facilityId)}/bcp/documents`, { method: 'POST', body });
}

export function bcpDocumentUrl(documentId: string) {
  return `/api/v1/bcp-documents/${encodeURIComponent(documentId)}`;
}

export function addBcpRecord(facilityId: string, body: { kind: BcpRecordKind; heldOn: string; participants: string; notes: string }) {
  return api<BcpView>(`${f(facilityId)}/bcp/records`, { method: 'POST', body });
}

export function deleteBcpRecord(recordId: string) {
  return api<void>(`/bcp-records/${encodeURIComponent(recordId)}`, { method: 'DELETE' });
}

export function bcpTemplateUrl(facilityId: string, format: 'docx' | 'pdf', locale: string) {
  return `/api/v1${f(facilityId)}/bcp/template.${format}?locale=${locale === 'en' ? 'en' : 'ja'}`;
}

// --- インシデント記録 ---

export function useIncidents(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.incidents(facilityId),
    queryFn: () => api<IncidentSummary[]>(`${f(facilityId)}/incidents`),
    enabled: !!facilityId && enabled,
  });
}

export function useIncident(facilityId: string, incidentId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.incident(facilityId, incidentId),
    queryFn: () => api<IncidentView>(`/incidents/${encodeURIComponent(incidentId)}`),
    enabled: !!incidentId && enabled,
    // While an incident is open several people record on it: keep the screen current.
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 15_000 : false),
  });
}

export function createIncident(facilityId: string, title: string) {
  return api<IncidentView>(`${f(facilityId)}/incidents`, { method: 'POST', body: { title } });
}

export function updateIncident(incidentId: string, body: { version: number; title?: string; status?: 'open' | 'closed' }) {
  return api<IncidentView>(`/incidents/${encodeURIComponent(incidentId)}`, { method: 'PATCH', body });
}

export function addIncidentEvent(incidentId: string, body: { kind: IncidentEventKind; contactKey: string | null; at?: string; text: string }) {
  return api<IncidentView>(`/incidents/${encodeURIComponent(incidentId)}/events`, { method: 'POST', body });
}

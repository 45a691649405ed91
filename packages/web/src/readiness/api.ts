import { useQuery } from '@tanstack/react-query';
import type {
  BackupPlanFields,
  BackupPlanView,
  BcpDocumentView as BcpDocumentSchema,
  BcpEssentials,
  BcpRecordView as BcpRecordSchema,
  BcpView,
  ContactChartContent,
  ContactChartView,
  ContactEdge,
  ContactEntry,
  IncidentEventView as IncidentEventSchema,
  IncidentStepView as IncidentStepSchema,
  IncidentView,
  RestoreTestFields,
  RestoreTestView,
} from '@mamori/domain';
import { client, multipart, request } from '../api/client';

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
export type BcpDocument = Out<typeof BcpDocumentSchema>;
export type BcpRecord = Out<typeof BcpRecordSchema>;
export type BcpRecordKind = BcpRecord['kind'];
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
    queryFn: () => request(client.GET('/facilities/{facilityId}/contact-chart', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
}

export function useChartVersions(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.chartVersions(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/contact-chart/versions', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
}

export function useChartVersion(facilityId: string, version: number | null) {
  return useQuery({
    queryKey: readinessKeys.chartVersion(facilityId, version ?? 0),
    queryFn: () =>
      request(client.GET('/facilities/{facilityId}/contact-chart/versions/{chartVersion}', { params: { path: { facilityId, chartVersion: version! } } })),
    enabled: !!facilityId && version !== null,
    // A saved version never changes.
    staleTime: Infinity,
  });
}

export function saveContactChart(facilityId: string, body: ContactChartContent & { baseVersion: number | null }) {
  return request(client.PUT('/facilities/{facilityId}/contact-chart', { params: { path: { facilityId } }, body }));
}

export function chartPdfUrl(facilityId: string, version: number, locale: string) {
  return `/api/v1${f(facilityId)}/contact-chart/export.pdf?version=${version}&locale=${locale === 'en' ? 'en' : 'ja'}`;
}

// --- バックアップ ---

export function useBackupPlans(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.backups(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/backup-plans', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
}

export function createBackupPlan(facilityId: string, body: BackupPlanFields) {
  return request(client.POST('/facilities/{facilityId}/backup-plans', { params: { path: { facilityId } }, body }));
}

export function updateBackupPlan(planId: string, body: Partial<BackupPlanFields> & { version: number }) {
  return request(client.PATCH('/backup-plans/{planId}', { params: { path: { planId } }, body }));
}

export function deleteBackupPlan(planId: string, version: number) {
  return request(client.DELETE('/backup-plans/{planId}', { params: { path: { planId }, query: { version } } }));
}

export function addRestoreTest(planId: string, body: RestoreTestFields) {
  return request(client.POST('/backup-plans/{planId}/restore-tests', { params: { path: { planId } }, body }));
}

export function deleteRestoreTest(testId: string) {
  return request(client.DELETE('/restore-tests/{testId}', { params: { path: { testId } } }));
}

// --- BCP ---

export function useBcp(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.bcp(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/bcp', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
}

export function saveBcp(facilityId: string, body: { version: number | null; essentials: BcpEssentials; plannedOn: string | null }) {
  return request(client.PUT('/facilities/{facilityId}/bcp', { params: { path: { facilityId } }, body }));
}

export function uploadBcpDocument(facilityId: string, file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return request(client.POST('/facilities/{facilityId}/bcp/documents', { params: { path: { facilityId } }, ...multipart(body) }));
}

export function bcpDocumentUrl(documentId: string) {
  return `/api/v1/bcp-documents/${encodeURIComponent(documentId)}`;
}

export function addBcpRecord(facilityId: string, body: { kind: BcpRecordKind; heldOn: string; participants: string; notes: string }) {
  return request(client.POST('/facilities/{facilityId}/bcp/records', { params: { path: { facilityId } }, body }));
}

export function deleteBcpRecord(recordId: string) {
  return request(client.DELETE('/bcp-records/{recordId}', { params: { path: { recordId } } }));
}

export function bcpTemplateUrl(facilityId: string, format: 'docx' | 'pdf', locale: string) {
  return `/api/v1${f(facilityId)}/bcp/template.${format}?locale=${locale === 'en' ? 'en' : 'ja'}`;
}

// --- インシデント記録 ---

export function useIncidents(facilityId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.incidents(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/incidents', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
}

export function useIncident(facilityId: string, incidentId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.incident(facilityId, incidentId),
    queryFn: () => request(client.GET('/incidents/{incidentId}', { params: { path: { incidentId } } })),
    enabled: !!incidentId && enabled,
    // While an incident is open several people record on it: keep the screen current.
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 15_000 : false),
  });
}

export function createIncident(facilityId: string, title: string) {
  return request(client.POST('/facilities/{facilityId}/incidents', { params: { path: { facilityId } }, body: { title } }));
}

export function updateIncident(incidentId: string, body: { version: number; title?: string; status?: 'open' | 'closed' }) {
  return request(client.PATCH('/incidents/{incidentId}', { params: { path: { incidentId } }, body }));
}

export function addIncidentEvent(incidentId: string, body: { kind: IncidentEventKind; contactKey: string | null; at?: string; text: string }) {
  return request(client.POST('/incidents/{incidentId}/events', { params: { path: { incidentId } }, body }));
}

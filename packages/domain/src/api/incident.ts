import { z } from 'zod';
import { Id, IsoDateInput, IsoDateTimeInput, Version } from './common.js';
import { BackupPlanFields, BcpEssentials, BcpRecordFields, ContactChartContent, RestoreTestFields } from '../incident/model.js';

/** The chart as last saved; `chartVersion` null when none was ever saved. */
export const ContactChartView = ContactChartContent.extend({
  chartVersion: z.int().nullable(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});
export type ContactChartView = z.infer<typeof ContactChartView>;
/** Saving makes a new version; `baseVersion` is the one the editor started from (stale → 409). */
export const SaveContactChartRequest = ContactChartContent.extend({ baseVersion: z.int().min(1).nullable() });
export const ContactChartVersionSummary = z.object({ chartVersion: z.int(), savedAt: z.string(), savedBy: z.string().nullable(), entryCount: z.int() });

export const RestoreTestView = RestoreTestFields.extend({ id: Id, recordedBy: z.string().nullable(), createdAt: z.string() });
export type RestoreTestView = z.infer<typeof RestoreTestView>;
export const BackupPlanView = BackupPlanFields.extend({ id: Id, version: Version, updatedAt: z.string(), restoreTests: z.array(RestoreTestView) });
export type BackupPlanView = z.infer<typeof BackupPlanView>;

export const CreateBackupPlanRequest = BackupPlanFields;
export const UpdateBackupPlanRequest = BackupPlanFields.partial().extend({ version: Version });
export const CreateRestoreTestRequest = RestoreTestFields;

export const BcpDocumentView = z.object({
  id: Id,
  documentVersion: z.int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export const BcpRecordView = BcpRecordFields.extend({ id: Id, recordedBy: z.string().nullable(), createdAt: z.string() });
export const BcpView = z.object({
  essentials: BcpEssentials,
  /** 策定予定日: when the BCP is planned to be in place (the 2023 form's 3(3) counts a plan within 令和6年度). */
  plannedOn: z.string().nullable(),
  /** null until the essentials are first saved. */
  version: Version.nullable(),
  updatedAt: z.string().nullable(),
  documents: z.array(BcpDocumentView),
  records: z.array(BcpRecordView),
});
export type BcpView = z.infer<typeof BcpView>;
export const SaveBcpRequest = z.strictObject({ version: Version.nullable(), essentials: BcpEssentials, plannedOn: IsoDateInput.nullable().default(null) });
export const CreateBcpRecordRequest = BcpRecordFields;

export const incidentEventKinds = ['contact', 'action', 'note'] as const;
export const IncidentEventView = z.object({
  id: Id,
  at: z.string(),
  kind: z.enum(incidentEventKinds),
  contactKey: z.string().nullable(),
  text: z.string(),
  recordedBy: z.string().nullable(),
});
/** One call to make, from the contact chart at the moment the incident was opened, in calling order. */
export const IncidentStepView = z.object({
  key: z.string(),
  name: z.string(),
  organization: z.string(),
  phone: z.string(),
  calledBy: z.string().nullable(),
  order: z.int(),
  contactedAt: z.string().nullable(),
});
export const IncidentView = z.object({
  id: Id,
  title: z.string(),
  status: z.enum(['open', 'closed']),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  chartVersion: z.int().nullable(),
  version: Version,
  steps: z.array(IncidentStepView),
  events: z.array(IncidentEventView),
});
export type IncidentView = z.infer<typeof IncidentView>;
export const IncidentSummary = IncidentView.omit({ steps: true, events: true });
export const CreateIncidentRequest = z.strictObject({ title: z.string().trim().min(1).max(200) });
export const UpdateIncidentRequest = z.strictObject({
  version: Version,
  title: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export const CreateIncidentEventRequest = z.strictObject({
  kind: z.enum(incidentEventKinds),
  contactKey: z.string().max(40).nullable().default(null),
  /** When it happened; now when omitted (ISO date-time). */
  at: IsoDateTimeInput.optional(),
  text: z.string().trim().max(4000).default(''),
});

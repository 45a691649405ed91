import { z } from 'zod';
import { PrefectureCode } from '../facility.js';
import { Email, Id, IsoDateInput, PersonName, Version } from './common.js';

/** A health center's inspector (立入検査の検査員): who they are and where they inspect. */
export const Inspector = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  /** JIS prefecture code, as facilities have it. */
  prefecture: z.string(),
  /** 保健所: the health center the inspector works for. */
  healthCenter: z.string(),
  createdAt: z.string(),
});
export type Inspector = z.infer<typeof Inspector>;

export const CreateInspectorRequest = z.strictObject({
  email: Email,
  name: PersonName,
  prefecture: PrefectureCode,
  healthCenter: z.string().trim().min(1).max(200),
});

/** The account is made with a temporary password, shown once, to be changed at first sign-in. */
export const CreatedInspector = Inspector.extend({ temporaryPassword: z.string() });

/** The system administrator's list of inspectors, narrowed to one prefecture or not. */
export const InspectorListQuery = z.strictObject({ prefecture: PrefectureCode.optional() });

/** An inspector as the system administrator's list shows them: how many facilities let them in, whether they may sign in. */
export const InspectorAccount = Inspector.extend({
  /** Facilities that currently grant the inspector read-only access. */
  grantedFacilities: z.number().int(),
  /** When the account was disabled (an inspector who left the health center); null while they may sign in. */
  disabledAt: z.string().nullable(),
});
export type InspectorAccount = z.infer<typeof InspectorAccount>;

/** A facility's grant of read-only inspection access to one inspector. */
export const InspectionGrant = z.object({
  id: Id,
  facilityId: Id,
  inspector: Inspector.omit({ createdAt: true }),
  grantedAt: z.string(),
});
export type InspectionGrant = z.infer<typeof InspectionGrant>;

export const CreateInspectionGrantRequest = z.strictObject({ inspectorEmail: Email });

/** One 指摘事項 of an inspection: the checklist item it concerns (if any), what was found, whether follow-up is asked. */
export const InspectionFindingInput = z.strictObject({
  itemId: z.string().trim().min(1).max(20).nullable().default(null),
  text: z.string().trim().min(1).max(2000),
  followUpRequested: z.boolean().default(false),
});

export const RecordInspectionRequest = z.strictObject({
  inspectedOn: IsoDateInput,
  notes: z.string().trim().max(4000).default(''),
  findings: z.array(InspectionFindingInput).max(200),
});

export const InspectionFinding = z.object({
  id: Id,
  itemId: z.string().nullable(),
  text: z.string(),
  followUpRequested: z.boolean(),
  /** The facility's answer (改善報告), once given. */
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: Version,
});

export const Inspection = z.object({
  id: Id,
  facilityId: Id,
  /** The inspector as they were when recording (id null once their account is gone). */
  inspector: z.object({ id: Id.nullable(), name: z.string(), healthCenter: z.string() }),
  inspectedOn: z.string(),
  notes: z.string(),
  findings: z.array(InspectionFinding),
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof Inspection>;

export const AnswerInspectionFindingRequest = z.strictObject({ version: Version, answer: z.string().trim().min(1).max(4000) });

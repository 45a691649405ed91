import { z } from 'zod';
import { IsoDateInput } from '../api/common.js';

const Text = (max: number) => z.string().trim().max(max);

/**
 * Who appears on the incident contact chart (連絡体制図). The manual names the facility's own people,
 * vendors, a security company, outside experts, the prefectural police and the ministry.
 */
export const contactKinds = [
  'director',
  'security_manager',
  'it',
  'department',
  'internal_other',
  'vendor',
  'security_company',
  'expert',
  'police',
  'ministry',
  'external_other',
] as const;
export const ContactKind = z.enum(contactKinds);
export type ContactKind = z.infer<typeof ContactKind>;
export const internalContactKinds: readonly ContactKind[] = ['director', 'security_manager', 'it', 'department', 'internal_other'];
export const isInternalContact = (kind: ContactKind) => internalContactKinds.includes(kind);

/** The ministry's contact for suspected cyber attacks (manual 3(1) 補足; no 184 / payphone calls). */
export const ministryContact = {
  kind: 'ministry',
  name: '厚生労働省',
  organization: '医政局 特定医薬品開発支援・医療情報担当参事官室',
  phone: '03-6812-7837',
  email: '',
  hours: '',
  notes: '医療機関の電話からかけてください（184発信・公衆電話からは受け付けられません）',
} as const;

export const ContactEntry = z.strictObject({
  /** Stable within the chart (a short key chosen by the client), so edges survive edits. */
  key: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  kind: ContactKind,
  name: Text(100).min(1),
  organization: Text(200).default(''),
  role: Text(200).default(''),
  phone: Text(50).default(''),
  email: Text(254).default(''),
  hours: Text(200).default(''),
  notes: Text(1000).default(''),
  /** A contract's vendor, when the entry comes from one (vendor portal, issue 5). */
  vendorName: Text(200).default(''),
});
export type ContactEntry = z.infer<typeof ContactEntry>;

/** "from calls to", in this order among from's calls. */
export const ContactEdge = z.strictObject({
  from: z.string(),
  to: z.string(),
  order: z.int().min(1).max(99),
  note: Text(200).default(''),
});
export type ContactEdge = z.infer<typeof ContactEdge>;

export const ContactChartContent = z.strictObject({
  entries: z.array(ContactEntry).max(200),
  edges: z.array(ContactEdge).max(500),
  note: Text(2000).default(''),
});
export type ContactChartContent = z.infer<typeof ContactChartContent>;

export const backupMethods = ['external_disk', 'nas', 'tape', 'cloud', 'optical', 'vendor_service', 'other'] as const;
export const BackupMethod = z.enum(backupMethods);
export const BackupPlanFields = z.strictObject({
  system: Text(200).min(1),
  data: Text(500).default(''),
  method: BackupMethod,
  frequency: Text(100).default(''),
  generations: z.int().min(0).max(10_000),
  location: Text(200).default(''),
  /** A copy kept disconnected (physically or logically: the manual's オフライン). */
  offline: z.boolean().default(false),
  /** A write-protected (immutable) copy. */
  immutable: z.boolean().default(false),
  restoreProcedure: Text(4000).default(''),
});
export type BackupPlanFields = z.infer<typeof BackupPlanFields>;

export const restoreResults = ['success', 'partial', 'failure'] as const;
export const RestoreResult = z.enum(restoreResults);
export const RestoreTestFields = z.strictObject({
  testedOn: IsoDateInput,
  result: RestoreResult,
  minutesToRestore: z.int().min(0).max(100_000).nullable().default(null),
  testedBy: Text(100).min(1),
  notes: Text(2000).default(''),
});
export type RestoreTestFields = z.infer<typeof RestoreTestFields>;

/** The BCP's essentials for a cyber attack, in the words of the starter template. */
export const BcpEssentials = z.strictObject({
  /** When the network is cut and who decides (Q&A 2-3, 12-E-52: someone with the authority, decided in advance). */
  networkStopCriteria: Text(4000).default(''),
  decisionMaker: Text(200).default(''),
  /** Which services go on, on paper. */
  paperOperations: Text(4000).default(''),
  /** How systems are restored, and how what was done on paper is entered afterwards. */
  recoverySteps: Text(4000).default(''),
  reentryProcedure: Text(4000).default(''),
  /** Who is told, in which order (the contact chart). */
  communication: Text(4000).default(''),
});
export type BcpEssentials = z.infer<typeof BcpEssentials>;

export const bcpRecordKinds = ['review', 'drill'] as const;
export const BcpRecordFields = z.strictObject({
  kind: z.enum(bcpRecordKinds),
  heldOn: IsoDateInput,
  participants: Text(500).default(''),
  notes: Text(4000).default(''),
});

/** What the incident-readiness findings read about one facility. */
export interface IncidentFacts {
  asOf: string;
  contactChart: ContactChartContent | null;
  backups: { plan: BackupPlanFields & { id: string }; tests: RestoreTestFields[] }[];
  bcp: { hasDocument: boolean; essentials: BcpEssentials | null; lastReviewedOn: string | null; plannedOn: string | null };
  /** Whether the facility has a vendor contract: without one, the contact chart needs no vendor entry (3(1)). */
  hasVendorContract: boolean;
  thresholds: { restoreTestMonths: number; bcpReviewMonths: number };
}

import { z } from 'zod';
import { accessLogCategories, accessLogOutcomes } from '../access-logs/event.js';
import { accessLogFormats } from '../access-logs/detect-format.js';
import { alertRules, defaultAlertSettings } from '../access-logs/alerts.js';
import { defaultAccessLogReadiness } from '../access-logs/readiness.js';
import { Id, IsoDateInput, IsoDateTimeInput, Version } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
export const TimeZone = z.string().refine(isTimeZone, { error: 'タイムゾーンは Asia/Tokyo のような IANA の名前にしてください' });

const words = z.array(Text(100).min(1)).max(50);
export const ColumnMappingSchema = z.strictObject({
  time: Text(200).min(1),
  user: Text(200).min(1).optional(),
  host: Text(200).min(1).optional(),
  sourceIp: Text(200).min(1).optional(),
  action: Text(200).min(1).optional(),
  category: Text(200).min(1).optional(),
  categoryWords: z
    .strictObject(
      Object.fromEntries(accessLogCategories.map((c) => [c, words.optional()])) as Record<(typeof accessLogCategories)[number], z.ZodOptional<typeof words>>,
    )
    .optional(),
});

/** IPv4 or IPv6 as the syslog receiver sees the sender. */
const Address = z.union([z.ipv4(), z.ipv6()], { error: 'IPアドレス（例: 192.168.1.10）を入力してください' });

const SourceFields = {
  name: Text(100).min(1),
  /** The server or system in the asset ledger (機器台帳) the logs come from. */
  assetId: Id.nullable(),
  /** The account ledger's system (利用者ID台帳の「システム」): log users are matched within it; null: the whole ledger. */
  accountSystem: Text(200).min(1).nullable(),
  timeZone: TimeZone,
  /** null: detected from each file's first line. */
  format: z.enum(accessLogFormats).nullable(),
  columnMapping: ColumnMappingSchema.nullable(),
  /** The sender's address for the syslog receiver; null: this source does not send syslog. */
  syslogAddress: Address.nullable(),
};

export const CreateLogSourceRequest = z.strictObject({
  ...SourceFields,
  assetId: SourceFields.assetId.default(null),
  accountSystem: SourceFields.accountSystem.default(null),
  timeZone: SourceFields.timeZone.default('Asia/Tokyo'),
  format: SourceFields.format.default(null),
  columnMapping: SourceFields.columnMapping.default(null),
  syslogAddress: SourceFields.syslogAddress.default(null),
});
export const UpdateLogSourceRequest = z.strictObject(SourceFields).partial().extend({ version: Version });
export const RotateLogTokenRequest = z.strictObject({ version: Version });

export const LogSourceView = z.object({
  id: Id,
  name: z.string(),
  assetId: Id.nullable(),
  assetName: z.string().nullable(),
  accountSystem: z.string().nullable(),
  timeZone: z.string(),
  format: z.enum(accessLogFormats).nullable(),
  columnMapping: ColumnMappingSchema.nullable(),
  syslogAddress: z.string().nullable(),
  /** How many events the chain holds now (retention removes the oldest). */
  events: z.int(),
  lastReceivedAt: z.string().nullable(),
  /** The end of the latest signed-off period; null: never reviewed. */
  reviewedThrough: z.string().nullable(),
  version: Version,
});
export type LogSourceView = z.infer<typeof LogSourceView>;
/** The token is shown once, when made: Mamori keeps only its hash. */
export const LogSourceWithToken = z.object({ source: LogSourceView, token: z.string() });

export const IngestCounts = z.object({ received: z.int(), stored: z.int(), parsed: z.int(), raw: z.int() });
export type IngestCounts = z.infer<typeof IngestCounts>;

export const LogEventView = z.object({
  seq: z.int(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  parsed: z.boolean(),
  host: z.string().nullable(),
  user: z.string().nullable(),
  category: z.enum(accessLogCategories).nullable(),
  outcome: z.enum(accessLogOutcomes).nullable(),
  sourceIp: z.string().nullable(),
  action: z.string().nullable(),
  raw: z.string(),
});
export type LogEventView = z.infer<typeof LogEventView>;

export const LogSearchQuery = z.strictObject({
  from: IsoDateTimeInput.optional(),
  to: IsoDateTimeInput.optional(),
  user: Text(200).min(1).optional(),
  host: Text(200).min(1).optional(),
  action: Text(200).min(1).optional(),
  category: z.enum(accessLogCategories).optional(),
  outcome: z.enum(accessLogOutcomes).optional(),
  sourceIp: Text(100).min(1).optional(),
  /** Keyset cursor from the previous page (opaque). */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type LogSearchQuery = z.infer<typeof LogSearchQuery>;
export const LogSearchPage = z.object({ events: z.array(LogEventView), next: z.string().nullable() });

export const LogTimelineQuery = z.strictObject({ from: IsoDateTimeInput, to: IsoDateTimeInput });
export const LogTimelineBucket = z.object({ at: z.string(), login: z.int(), failure: z.int(), other: z.int() });
export const LogTimeline = z.object({ bucket: z.enum(['hour', 'day']), buckets: z.array(LogTimelineBucket) });

export const LogAlertView = z.object({
  id: Id,
  sourceId: Id,
  sourceName: z.string(),
  rule: z.enum(alertRules),
  subject: z.string(),
  count: z.int(),
  first: z.string(),
  last: z.string(),
  reason: z.enum(['retired', 'disabled', 'expired']).nullable(),
  detectedAt: z.string(),
});
export type LogAlertView = z.infer<typeof LogAlertView>;

export const CreateLogReviewRequest = z
  .strictObject({ periodFrom: IsoDateInput, periodTo: IsoDateInput, note: Text(2000).min(1) })
  .refine((r) => r.periodFrom <= r.periodTo, { error: '期間の終わりは始まり以降の日付にしてください', path: ['periodTo'] });
export const LogReviewView = z.object({
  id: Id,
  periodFrom: z.string(),
  periodTo: z.string(),
  note: z.string(),
  events: z.int(),
  alerts: z.int(),
  /** The chain position the reviewer saw: later tampering with the period breaks it. */
  throughSeq: z.int(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string(),
});
export type LogReviewView = z.infer<typeof LogReviewView>;

export const AccessLogSettings = z.strictObject({
  failures: z.strictObject({ count: z.int().min(2).max(1000), withinMinutes: z.int().min(1).max(1440) }),
  adminHours: z.strictObject({ from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) }),
  silentDays: z.int().min(1).max(365),
  unreviewedDays: z.int().min(1).max(730),
});
export type AccessLogSettings = z.infer<typeof AccessLogSettings>;
export const AccessLogSettingsView = AccessLogSettings.extend({ version: Version });
export const UpdateAccessLogSettingsRequest = AccessLogSettings.extend({ version: Version });

export const LogChainCheck = z.object({
  sourceId: Id,
  sourceName: z.string(),
  ok: z.boolean(),
  events: z.int(),
  /** The first event that does not follow from the one before, or the anchor that no longer holds. */
  firstBreak: z.object({ seq: z.int(), reason: z.string() }).nullable(),
});
export type LogChainCheck = z.infer<typeof LogChainCheck>;

/** Mamori's defaults (the documents give no number: `source.status: mamori`). */
export const defaultAccessLogSettings: AccessLogSettings = {
  failures: defaultAlertSettings.failures,
  adminHours: defaultAlertSettings.adminHours,
  ...defaultAccessLogReadiness,
};

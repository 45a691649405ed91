import { z } from 'zod';
import { auditActionKinds } from '../audit/actions.js';
import { Id, IsoDateInput } from './common.js';

export const AuditEvent = z.object({
  id: z.string(),
  sequence: z.number(),
  occurredAt: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  organizationId: Id.nullable(),
  facilityId: Id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.strictObject({
  organizationId: Id.optional(),
  facilityId: Id.optional(),
  action: z.string().max(100).optional(),
  /** Every action about one kind of record (sign-in, organization, checklist, ledgers, incident readiness, vendors). */
  kind: z.enum(auditActionKinds).optional(),
  actorId: Id.optional(),
  from: IsoDateInput.optional(),
  to: IsoDateInput.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditPage = z.object({ items: z.array(AuditEvent), nextBefore: z.number().nullable() });

import { z } from 'zod';
import { PrefectureCode } from '../facility.js';
import { Email, Id, PersonName } from './common.js';

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

/** A facility's grant of read-only inspection access to one inspector. */
export const InspectionGrant = z.object({
  id: Id,
  facilityId: Id,
  inspector: Inspector.omit({ createdAt: true }),
  grantedAt: z.string(),
});
export type InspectionGrant = z.infer<typeof InspectionGrant>;

export const CreateInspectionGrantRequest = z.strictObject({ inspectorEmail: Email });

import { z } from 'zod';
import { Email, Id, Locale, Password, PersonName } from './common.js';
import { FacilityRole, OrganizationRole } from '../roles.js';

export const CurrentUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  locale: Locale,
  isSystemAdmin: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  mustEnrollTotp: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const MembershipSummary = z.object({
  organizations: z.array(z.object({ id: Id, name: z.string(), role: OrganizationRole.nullable() })),
  facilities: z.array(z.object({ id: Id, name: z.string(), organizationId: Id, role: FacilityRole.nullable() })),
  /** Vendor companies the user answers for (the vendor portal). */
  vendors: z.array(z.object({ id: Id, name: z.string() })),
  /** Facilities that granted the user read-only inspection access (立入検査の検査員). */
  inspections: z.array(z.object({ id: Id, name: z.string(), organizationId: Id })).optional(),
});

export const SessionInfo = z.object({
  user: CurrentUser,
  csrfToken: z.string(),
  memberships: MembershipSummary,
  /** False on the embedded default without MAMORI_SMTP_URL: screens offer links to pass on instead of promising e-mail. */
  mailDelivery: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SetupStatus = z.object({ needsSetup: z.boolean() });

export const SetupRequest = z.strictObject({ email: Email, password: Password, name: PersonName });
export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
  totpCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const ChangePasswordRequest = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export const UpdateMeRequest = z.strictObject({ name: PersonName.optional(), locale: Locale.optional() });

export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpCodeRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const ApiToken = z.object({ id: Id, name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export const CreateTokenRequest = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const CreatedToken = ApiToken.extend({ token: z.string() });

/** A new password revokes the account's personal API tokens: how many, so the person can be told. */
export const ChangePasswordResponse = z.object({ revokedTokens: z.number().int() });
export const ResetPasswordResponse = z.object({ temporaryPassword: z.string(), revokedTokens: z.number().int() });

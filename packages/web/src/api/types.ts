import type {
  ApiToken as ApiTokenSchema,
  AuditEvent as AuditEventSchema,
  AuditPage as AuditPageSchema,
  ChangePasswordResponse as ChangePasswordResponseSchema,
  CreatedInvitation as CreatedInvitationSchema,
  CreatedToken as CreatedTokenSchema,
  FacilityMember as FacilityMemberSchema,
  Invitation as InvitationSchema,
  InvitationPreview as InvitationPreviewSchema,
  OrganizationMember as OrganizationMemberSchema,
  ResetPasswordResponse as ResetPasswordResponseSchema,
  SetupStatus as SetupStatusSchema,
  TotpSetupResponse as TotpSetupResponseSchema,
} from '@mamori/domain';

// The domain exports zod schemas; `_output` gives their parsed type without the web package depending on zod.
type Out<T extends { _output: unknown }> = T['_output'];

export type { SessionInfo, CurrentUser, Organization, Facility, FacilityKind, FacilityRole, Locale } from '@mamori/domain';
export type ApiToken = Out<typeof ApiTokenSchema>;
export type AuditEvent = Out<typeof AuditEventSchema>;
export type AuditPage = Out<typeof AuditPageSchema>;
export type ChangePasswordResponse = Out<typeof ChangePasswordResponseSchema>;
export type CreatedInvitation = Out<typeof CreatedInvitationSchema>;
export type CreatedToken = Out<typeof CreatedTokenSchema>;
export type FacilityMember = Out<typeof FacilityMemberSchema>;
export type Invitation = Out<typeof InvitationSchema>;
export type InvitationPreview = Out<typeof InvitationPreviewSchema>;
export type OrganizationMember = Out<typeof OrganizationMemberSchema>;
export type ResetPasswordResponse = Out<typeof ResetPasswordResponseSchema>;
export type SetupStatus = Out<typeof SetupStatusSchema>;
export type TotpSetupResponse = Out<typeof TotpSetupResponseSchema>;

import { z } from 'zod';
import { Id, Version } from './common.js';
import { FacilityKind, PrefectureCode, facilityNameMax } from '../facility.js';
import { FacilityRole, OrganizationRole } from '../roles.js';

const OrganizationName = z.string().trim().min(1).max(200);

export const Organization = z.object({
  id: Id,
  name: z.string(),
  requireTotp: z.boolean(),
  version: Version,
  createdAt: z.string(),
});
export type Organization = z.infer<typeof Organization>;
export const CreateOrganizationRequest = z.strictObject({ name: OrganizationName, requireTotp: z.boolean().default(false) });
export const UpdateOrganizationRequest = z.strictObject({
  version: Version,
  name: OrganizationName.optional(),
  requireTotp: z.boolean().optional(),
});

const FacilityFields = {
  name: z.string().trim().min(1).max(facilityNameMax),
  kind: FacilityKind,
  prefecture: PrefectureCode,
  /** 管轄保健所: free text, the health center's name as the facility knows it. */
  healthCenter: z.string().trim().max(200).default(''),
  bedCount: z.int().min(0).max(10000).nullable().default(null),
};

export const Facility = z.object({
  id: Id,
  organizationId: Id,
  name: z.string(),
  kind: FacilityKind,
  prefecture: z.string().nullable(),
  healthCenter: z.string(),
  bedCount: z.int().nullable(),
  version: Version,
  createdAt: z.string(),
});
export type Facility = z.infer<typeof Facility>;
export const CreateFacilityRequest = z.strictObject(FacilityFields);
export const UpdateFacilityRequest = z.strictObject({
  version: Version,
  name: FacilityFields.name.optional(),
  kind: FacilityKind.optional(),
  prefecture: PrefectureCode.optional(),
  healthCenter: z.string().trim().max(200).optional(),
  bedCount: z.int().min(0).max(10000).nullable().optional(),
});
export const FacilityListQuery = z.strictObject({ organizationId: Id.optional() });

export const FacilityMember = z.object({
  id: Id,
  userId: Id,
  email: z.string(),
  name: z.string(),
  role: FacilityRole,
  version: Version,
});
export const UpdateFacilityMemberRequest = z.strictObject({ version: Version, role: FacilityRole });
/** An administrator's own role in a facility (POST /facilities/:id/members/me). */
export const JoinFacilityRequest = z.strictObject({ role: FacilityRole });

export const OrganizationMember = z.object({
  userId: Id,
  email: z.string(),
  name: z.string(),
  organizationRole: OrganizationRole.nullable(),
  facilities: z.array(z.object({ facilityId: Id, role: FacilityRole })),
});

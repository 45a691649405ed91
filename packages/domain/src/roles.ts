import { z } from 'zod';

/** Per-facility roles, named after the ministry's guideline roles. */
export const facilityRoles = ['manager', 'planner', 'operator', 'viewer'] as const;
export const FacilityRole = z.enum(facilityRoles);
export type FacilityRole = z.infer<typeof FacilityRole>;

export const organizationRoles = ['admin'] as const;
export const OrganizationRole = z.enum(organizationRoles);
export type OrganizationRole = z.infer<typeof OrganizationRole>;

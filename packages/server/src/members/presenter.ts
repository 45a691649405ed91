import type { FacilityMember, FacilityRole } from '@mamori/domain';
import type { z } from 'zod';
import type { MemberListing } from './queries.js';

export const presentFacilityMember = (row: MemberListing): z.infer<typeof FacilityMember> => ({ ...row, role: row.role as FacilityRole });

import { z } from 'zod';

/** 医療機関の種別. Pharmacies share the structure but get their own checklist edition later. */
export const facilityKinds = ['hospital', 'clinic', 'dental_clinic', 'midwife_home', 'pharmacy'] as const;
export const FacilityKind = z.enum(facilityKinds);
export type FacilityKind = z.infer<typeof FacilityKind>;

/** JIS X 0401 prefecture codes; the code is stored, the name comes from the translation files. */
export const prefectureCodes = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));
export const PrefectureCode = z.enum(prefectureCodes as [string, ...string[]]);

export const facilityNameMax = 200;

/** Only hospitals carry a bed count (病床数); the ministry's hospital definition starts at 20 beds. */
export function bedCountProblem(kind: FacilityKind, bedCount: number | null | undefined): 'required' | 'not_allowed' | null {
  if (kind === 'hospital') return bedCount == null ? 'required' : null;
  return bedCount == null ? null : 'not_allowed';
}

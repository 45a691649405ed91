import areas from '../../role-sharing/areas.json' with { type: 'json' };

/**
 * The role-sharing table (役割分担表) of the ministry's contract guide: for each area, who is
 * responsible and what was agreed. The areas are data (role-sharing/areas.json, from seed 001).
 */
export interface RoleSharingArea {
  id: string;
  group: { ja: string; en: string };
  label: { ja: string; en: string };
  /** What the ministry's table recommends, shown as guidance beside the row. */
  recommendation: { ja: string; en: string };
  /** Checklist items this area backs (e.g. 2(1) for the asset ledger). */
  checklistItems: string[];
}

export const roleSharingAreas: readonly RoleSharingArea[] = areas as RoleSharingArea[];
export const roleSharingAreaIds = roleSharingAreas.map((a) => a.id);

export const responsibleParties = ['facility', 'vendor', 'both'] as const;
export type ResponsibleParty = (typeof responsibleParties)[number];

export const roleSharingStatuses = ['draft', 'proposed', 'confirmed'] as const;
export type RoleSharingStatus = (typeof roleSharingStatuses)[number];

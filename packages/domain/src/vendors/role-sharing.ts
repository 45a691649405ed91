import areas from '../../role-sharing/areas.json' with { type: 'json' };

/**
 * The role-sharing table (役割分担表) of the ministry's contract guide: for each area, who is
 * responsible and what was agreed. The areas are data (role-sharing/areas.json): the eight rows of seed 001
 * (医療情報システムの契約における当事者間の役割分担等に関する確認表 推奨される対応例, 医療等情報利活用WG 第22回),
 * with its numbers, group names, questions, recommended actions and guideline references verbatim (OCR line breaks
 * joined, footnote markers *1…*13 dropped); English is Mamori's translation.
 */
export interface RoleSharingArea {
  id: string;
  /** 項番 as printed: 1-① … 4-②; item 2 has no sub-number. */
  number: string;
  group: { ja: string; en: string };
  /** 内容: the question the row asks. */
  label: { ja: string; en: string };
  /** 推奨される対応例: what the ministry's table recommends, shown as guidance beside the row. */
  recommendation: { ja: string; en: string };
  /** ガイドライン等関連部分 as printed. */
  guidelineRefs: string[];
  /** Checklist items this area backs (the 2023/2024 numbering, e.g. 2(1) for the asset ledger). */
  checklistItems: string[];
}

export const roleSharingAreas: readonly RoleSharingArea[] = areas as RoleSharingArea[];
export const roleSharingAreaIds = roleSharingAreas.map((a) => a.id);

export const responsibleParties = ['facility', 'vendor', 'both'] as const;
export type ResponsibleParty = (typeof responsibleParties)[number];

export const roleSharingStatuses = ['draft', 'proposed', 'confirmed'] as const;
export type RoleSharingStatus = (typeof roleSharingStatuses)[number];

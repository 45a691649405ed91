import { formatJapaneseDate, roleSharingAreas, todayInTokyo, type ResponsibleParty, type RoleSharingView, type VendorSide } from '@mamori/domain';

/** What the role-sharing exports (PDF, xlsx) print for one contract. */
export interface RoleSharingDocument {
  facilityName: string;
  vendorName: string;
  contractTitle: string;
  systems: string[];
  view: RoleSharingView;
  printedAt: Date;
}

export type RoleSharingLocale = 'ja' | 'en';

const englishDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const texts = {
  ja: {
    title: '医療情報システムの契約における役割分担表',
    colon: '：',
    listSeparator: '、',
    facility: '医療機関',
    vendor: '事業者',
    contract: '契約',
    systems: '対象システム',
    status: '状態',
    proposed: '提案',
    printedAt: '出力日',
    draft: '案',
    awaiting: '案（医療機関の確認待ち）',
    confirmedStatus: (by: string | null, date: string | null) => (date ? `確認済み（確認：${by ? `${by}　` : ''}${date}）` : '確認済み'),
    notProposed: '未提案',
    proposal: (side: VendorSide, by: string | null, date: string) => `${side === 'facility' ? '医療機関' : '事業者'}側${by ? `（${by}）` : ''}　${date}`,
    responsible: { facility: '医療機関', vendor: '事業者', both: '双方' } satisfies Record<ResponsibleParty, string>,
    undecided: '未定',
    columns: { group: '区分', area: '項目', responsible: '担当', action: '合意した対応', notes: '備考', recommendation: '推奨される対応例' },
    recommendation: '推奨',
    recommendationsHeading:
      '参考：確認表の「推奨される対応例」と「ガイドライン等関連部分」（厚生労働省 医療等情報利活用ワーキンググループ 第22回 参考資料3-7）',
    items: (ids: readonly string[]) => `チェックリスト ${ids.join('・')}`,
    page: (n: number, of: number) => `${n} / ${of}`,
    sheet: '役割分担表',
    date: (iso: string) => formatJapaneseDate(iso),
  },
  en: {
    title: 'Role-sharing table for the medical information system contract',
    colon: ': ',
    listSeparator: ', ',
    facility: 'Facility',
    vendor: 'Vendor',
    contract: 'Contract',
    systems: 'Systems',
    status: 'Status',
    proposed: 'Proposed',
    printedAt: 'Printed',
    draft: 'Draft',
    awaiting: "Draft (awaiting the facility's confirmation)",
    confirmedStatus: (by: string | null, date: string | null) => (date ? `Confirmed (${by ? `by ${by}, ` : ''}${date})` : 'Confirmed'),
    notProposed: 'Not proposed yet',
    proposal: (side: VendorSide, by: string | null, date: string) => `By the ${side}${by ? ` (${by})` : ''}, ${date}`,
    responsible: { facility: 'Facility', vendor: 'Vendor', both: 'Both' } satisfies Record<ResponsibleParty, string>,
    undecided: 'Undecided',
    columns: { group: 'Group', area: 'Area', responsible: 'Responsible', action: 'Agreed action', notes: 'Notes', recommendation: 'Recommended action' },
    recommendation: 'Recommended',
    recommendationsHeading:
      "Reference: the recommended actions and guideline references of the ministry's table (health ministry working group, 22nd meeting, reference 3-7)",
    items: (ids: readonly string[]) => `Checklist ${ids.join(', ')}`,
    page: (n: number, of: number) => `${n} / ${of}`,
    sheet: 'Role sharing',
    date: (iso: string) => englishDate.format(new Date(`${iso}T00:00:00Z`)),
  },
} as const;

interface RoleSharingContentRow {
  group: string;
  area: string;
  /** The ministry's recommended action for the area, for the small print. */
  recommendation: string;
  /** Checklist items the area backs ("チェックリスト 2(3)"); '' when none. */
  items: string;
  /** 項番 of the ministry's table (1-①), '' for rows it does not have. */
  number: string;
  /** ガイドライン等関連部分, one "▶…" per line. */
  references: string;
  responsible: string;
  /** True while nobody is named (未定), so the exports can mark it. */
  undecided: boolean;
  action: string;
  notes: string;
}

/** Everything both exports print, in the chosen language; user text is as typed (each export guards it its own way). */
export interface RoleSharingContent {
  title: string;
  colon: string;
  /** Label and value pairs under the title: facility, vendor, contract, systems, status, proposal, confirmation. */
  fields: { label: string; value: string }[];
  columns: (typeof texts)[RoleSharingLocale]['columns'];
  recommendationLabel: string;
  /** Heads the ministry's recommended actions, printed after the table in the PDF. */
  recommendationsHeading: string;
  rows: RoleSharingContentRow[];
  printedAt: string;
  printedAtLabel: string;
  page: (n: number, of: number) => string;
  sheetName: string;
}

/** A timestamp as the day it was in Tokyo, written for the locale (令和7年4月1日 / 1 April 2025). */
function day(at: string | Date, locale: RoleSharingLocale): string {
  return texts[locale].date(todayInTokyo(typeof at === 'string' ? new Date(at) : at));
}

/**
 * The table as printed: one row per area of the ministry's table (role-sharing/areas.json) in its order, with what was
 * saved for it (an area nobody filled in reads 未定); rows saved for an area the list no longer has follow at the end,
 * so nothing agreed is left out of the paper.
 */
export function roleSharingContent(input: RoleSharingDocument, locale: RoleSharingLocale): RoleSharingContent {
  const t = texts[locale];
  const { view } = input;
  const saved = new Map(view.rows.map((row) => [row.area, row]));
  const row = (
    group: string,
    area: string,
    recommendation: string,
    items: string,
    id: string,
    number = '',
    references: readonly string[] = [],
  ): RoleSharingContentRow => {
    const entry = saved.get(id);
    const responsible = entry?.responsible ?? null;
    return {
      group,
      number,
      area,
      recommendation,
      items,
      references: references.map((ref) => `▶${ref}`).join('\n'),
      responsible: responsible === null ? t.undecided : t.responsible[responsible],
      undecided: responsible === null,
      action: entry?.action ?? '',
      notes: entry?.notes ?? '',
    };
  };
  const known = new Set(roleSharingAreas.map((a) => a.id));
  const rows = [
    ...roleSharingAreas.map((a) =>
      row(
        a.group[locale],
        `${a.number} ${a.label[locale]}`,
        a.recommendation[locale],
        a.checklistItems.length ? t.items(a.checklistItems) : '',
        a.id,
        a.number,
        a.guidelineRefs,
      ),
    ),
    ...view.rows.filter((r) => !known.has(r.area)).map((r) => row('', r.area, '', '', r.area)),
  ];

  const status =
    view.status === 'confirmed'
      ? t.confirmedStatus(view.confirmed?.by ?? null, view.confirmed ? day(view.confirmed.at, locale) : null)
      : view.status === 'proposed'
        ? t.awaiting
        : t.draft;
  const proposal = view.proposed ? t.proposal(view.proposed.side, view.proposed.by, day(view.proposed.at, locale)) : t.notProposed;

  return {
    title: t.title,
    colon: t.colon,
    fields: [
      { label: t.facility, value: input.facilityName },
      { label: t.vendor, value: input.vendorName },
      { label: t.contract, value: input.contractTitle },
      { label: t.systems, value: input.systems.join(t.listSeparator) },
      { label: t.status, value: status },
      { label: t.proposed, value: proposal },
    ],
    columns: t.columns,
    recommendationLabel: t.recommendation,
    recommendationsHeading: t.recommendationsHeading,
    rows,
    printedAt: day(input.printedAt, locale),
    printedAtLabel: t.printedAt,
    page: t.page,
    sheetName: t.sheet,
  };
}

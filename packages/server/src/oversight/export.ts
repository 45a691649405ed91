import { prefectureName, type FacilityKind, type FacilityProgress, type Locale, type OversightFacility } from '@mamori/domain';
import { renderTable, type TableColumn, type TableFormat } from '../exports/table.js';

const words = {
  ja: {
    sheet: '施設一覧',
    kinds: { hospital: '病院', clinic: '診療所', dental_clinic: '歯科診療所', midwife_home: '助産所', pharmacy: '薬局' },
    progress: { 'not-started': '未着手', 'in-progress': '記入中・不備あり', ready: '立入検査の準備完了' },
    headers: [
      '施設名',
      '種別',
      '都道府県',
      '保健所',
      '状況',
      '回答済みの項目',
      '必須の項目',
      '不備の数',
      '目標日を過ぎた項目',
      '次の目標日',
      '未回答の事業者',
      '集計日時',
    ],
    separator: '、',
  },
  en: {
    sheet: 'Facilities',
    kinds: { hospital: 'Hospital', clinic: 'Clinic', dental_clinic: 'Dental clinic', midwife_home: 'Midwife home', pharmacy: 'Pharmacy' },
    progress: { 'not-started': 'Not started', 'in-progress': 'In progress', ready: 'Ready for inspection' },
    headers: [
      'Facility',
      'Kind',
      'Prefecture',
      'Health center',
      'Progress',
      'Items answered',
      'Items required',
      'Problems',
      'Items past target',
      'Next target date',
      'Vendors not answering',
      'Summarized at',
    ],
    separator: ', ',
  },
} satisfies Record<
  Locale,
  { sheet: string; kinds: Record<FacilityKind, string>; progress: Record<FacilityProgress, string>; headers: string[]; separator: string }
>;

const tokyoDateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' });

/** The dashboard's facilities as a spreadsheet, one row each, in the reader's language. */
export function renderOversightTable(facilities: readonly OversightFacility[], format: TableFormat, locale: Locale): Promise<Buffer> {
  const w = words[locale];
  const cells: ((f: OversightFacility) => string | number | null)[] = [
    (f) => f.name,
    (f) => w.kinds[f.kind],
    (f) => prefectureName(f.prefecture, locale),
    (f) => f.healthCenter,
    (f) => w.progress[f.progress],
    (f) => f.answeredItems,
    (f) => f.requiredItems,
    (f) => f.blockingProblems,
    (f) => f.overdueItems,
    (f) => f.nextTargetDate,
    (f) => f.vendorsNotAnswering.join(w.separator),
    (f) => (f.summarizedAt ? tokyoDateTime.format(new Date(f.summarizedAt)) : null),
  ];
  const columns: TableColumn<OversightFacility>[] = w.headers.map((header, i) => ({
    header,
    value: cells[i]!,
    width: i === 0 ? 32 : 16,
    date: i === 9,
  }));
  return renderTable(w.sheet, columns, facilities, format);
}

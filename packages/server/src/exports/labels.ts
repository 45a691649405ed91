import { fiscalYearLabel, formatJapaneseDate, type AnswerValue, type FormKind } from '@mamori/domain';
import type { ExportLocale } from './model.js';

const englishDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The fixed wording of the ministry's form, and our English for it. */
const texts = {
  ja: {
    title: '医療機関におけるサイバーセキュリティ対策チェックリスト',
    formNames: { institution: '医療機関確認用', vendor: '事業者確認用', pharmacy: '薬局確認用' } satisfies Record<FormKind, string>,
    facility: '医療機関名',
    pharmacy: '薬局名',
    vendor: '事業者名',
    colon: '：',
    printedAt: '出力日',
    checkItem: 'チェック項目',
    result: '確認結果（日付）',
    round: (n: number) => `${n}回目`,
    target: '目標日',
    yes: 'はい',
    no: 'いいえ',
    answer: { yes: 'はい', no: 'いいえ', not_applicable: '該当なし' } satisfies Record<AnswerValue, string>,
    checkDate: '確認日',
    scopeSuffix: { server: '（サーバ）', terminal: '（端末PC）', network: '（ネットワーク機器）' },
    editionNotice: (fy: number, editionFy: number) =>
      `${fiscalYearLabel(fy)}版の様式が Mamori にまだ登録されていないため、${fiscalYearLabel(editionFy)}版の項目で確認しています。`,
    blankMark: 'はい・いいえ',
    blankDate: '（　 /　 ）',
    notNeeded: '記入不要',
    extraRounds: '3回目以降',
    requiredPart: (fy: number) => `○ ${fiscalYearLabel(fy)}中`,
    referencePart: (fy: number) => `○ 参考項目（${fiscalYearLabel(fy)}中）`,
    requiredIntro: (fy: number) => `以下項目は${fiscalYearLabel(fy)}中にすべての項目で「はい」にマルが付くよう取り組んでください。`,
    referenceIntro: (fy: number) => `以下項目について、${fiscalYearLabel(fy)}中にすべての項目で「はい」にマルが付くよう取り組んでください。`,
    targetIntro: (fy: number) => `1回目の確認で「いいえ」の場合、${fiscalYearLabel(fy)}中の対応目標日を記入してください。`,
    notesHeading: '備考',
    ministryNotes: {
      manual:
        '各項目の考え方や確認方法等については、「医療機関におけるサイバーセキュリティ対策チェックリストマニュアル～医療機関・事業者向け～」をご覧ください。',
      inspection: '立入検査の際は、チェックリストに必要な事項が記入されているかを確認します。',
    },
    page: (n: number, of: number) => `${n} / ${of}`,
    fiscalYear: fiscalYearLabel,
    date: formatJapaneseDate,
  },
  en: {
    title: 'Cybersecurity Checklist for Medical Institutions',
    formNames: { institution: 'For the medical institution', vendor: 'For the vendor', pharmacy: 'For the pharmacy' } satisfies Record<FormKind, string>,
    facility: 'Medical institution',
    pharmacy: 'Pharmacy',
    vendor: 'Vendor',
    colon: ': ',
    printedAt: 'Printed',
    checkItem: 'Check item',
    result: 'Result (date)',
    round: (n: number) => `Round ${n}`,
    target: 'Target date',
    yes: 'Yes',
    no: 'No',
    answer: { yes: 'Yes', no: 'No', not_applicable: 'N/A' } satisfies Record<AnswerValue, string>,
    checkDate: 'Date checked',
    scopeSuffix: { server: ' (servers)', terminal: ' (terminal PCs)', network: ' (network devices)' },
    editionNotice: (fy: number, editionFy: number) => `The FY${fy} form is not in Mamori yet: this checklist uses the items of the FY${editionFy} edition.`,
    blankMark: 'Yes / No',
    blankDate: '(    /    )',
    notNeeded: 'Not needed',
    extraRounds: 'Round 3+',
    requiredPart: (fy: number) => `○ Within FY${fy}`,
    referencePart: (fy: number) => `○ Reference items (within FY${fy})`,
    requiredIntro: (fy: number) => `Work so that every item below is answered "Yes" within FY${fy}.`,
    referenceIntro: (fy: number) => `Work so that every item below is answered "Yes" within FY${fy}.`,
    targetIntro: (fy: number) => `If the first check is "No", enter the target date within FY${fy}.`,
    notesHeading: 'Notes',
    ministryNotes: {
      manual: "For the intent of each item and how to check it, see the ministry's checklist manual for medical institutions and vendors.",
      inspection: 'At on-site inspections, the inspector confirms that the checklist has been filled in.',
    },
    page: (n: number, of: number) => `${n} / ${of}`,
    fiscalYear: (fy: number) => `FY${fy}`,
    date: (iso: string) => englishDate.format(new Date(`${iso}T00:00:00Z`)),
  },
} as const;

export type Labels = (typeof texts)[ExportLocale];

export function labelsFor(locale: ExportLocale): Labels {
  return texts[locale];
}

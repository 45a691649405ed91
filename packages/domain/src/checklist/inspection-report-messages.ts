import type { VendorFormExemption } from '../vendors/form-need.js';
import type { ProblemCode } from './evaluate.js';
import type { NotApplicableReason, PointStatus, ReportPointId } from './inspection-report.js';

/**
 * The words of the readiness report (inspection-report.ts). `guide` is the inspection guide's own bullet (別添3
 * 立入検査の手引き, 「立入検査時に確認する事項」, seed 000), quoted in Japanese without its year-bound exhortations
 * (令和5年度中に「はい」にマルがつくように…促してください); `check` says in one line what Mamori looked at.
 */
export interface InspectionReportWords {
  title: string;
  /** The downloaded file's name, after the facility and the year. */
  fileName: string;
  parts: Record<'institution' | 'vendor', string>;
  points: Record<ReportPointId, { check: string; guide: string }>;
  citation: (point: string) => string;
  status: Record<PointStatus, string>;
  notApplicable: Record<NotApplicableReason, string>;
  verdict: { heading: string; ready: string; notReady: string };
  problems: Record<ProblemCode, string>;
  exemptions: Record<VendorFormExemption, string>;
  reference: { heading: string; guide: string; rule: string; none: string };
  labels: {
    facility: string;
    fiscalYear: string;
    asOf: string;
    gate: string;
    answers: Record<'yes' | 'no' | 'not_applicable' | 'none', string>;
    vendor: string;
    /** The facility's own form, named where the vendors' forms are named too. */
    institutionForm: string;
    note: string;
    notNeeded: string;
    excluded: string;
    inspections: string;
    noInspections: string;
    inspectedOn: string;
    inspector: string;
    findings: string;
    noFindings: string;
    answer: string;
    noAnswer: string;
    followUp: string;
    colon: string;
    /** Items in a line: 1(1)、2(1) */
    list: (items: string[]) => string;
    /** A remark after a text: （…） */
    aside: (text: string) => string;
    /** A label before a text: ［①-2］ */
    tag: (text: string) => string;
    quote: (text: string) => string;
    bullet: string;
    /** Between fields on one line. */
    gap: string;
    /** 令和5年度（2023年度） / FY2023 (令和5年度) */
    year: (wareki: string, fiscalYear: number) => string;
    /** 令和5年12月1日（2023-12-01） / 2023-12-01 */
    date: (wareki: string, iso: string) => string;
    page: (page: number, of: number) => string;
  };
  /** `2(4)@server` → 2(4) サーバ */
  item: (id: string) => string;
}

const scopes = {
  ja: { server: 'サーバ', terminal: '端末PC', network: 'ネットワーク機器' },
  en: { server: 'servers', terminal: 'terminal PCs', network: 'network devices' },
} as const;

const itemName = (locale: 'ja' | 'en') => (id: string) => {
  if (id === 'gate') return locale === 'ja' ? '医療情報システムの有無' : 'Medical information system';
  const [number, scope] = id.split('@') as [string, keyof (typeof scopes)['ja'] | undefined];
  return scope ? `${number} ${scopes[locale][scope] ?? scope}` : number;
};

const ja: InspectionReportWords = {
  title: '立入検査 準備状況レポート',
  fileName: '立入検査準備状況レポート',
  parts: {
    institution: '①「医療機関確認用」チェックリストについて',
    vendor: '②「事業者確認用」チェックリストについて',
  },
  points: {
    gate: {
      check: '「医療情報システムの有無」に回答がある（「いいえ」なら以下の確認は不要）',
      guide: '「医療情報システムの有無」の「いいえ」欄にマルがつく場合、それ以下すべての項目は確認不要です。',
    },
    'first-round': {
      check: 'すべてのチェック項目に、1回目の確認結果（日付と「はい」または「いいえ」）が記入されている',
      guide:
        '「医療情報システムの有無」の「はい」欄にマルがつく場合、チェック項目すべてに、1回目の確認結果（日付と「はい」または「いいえ」）が記入されていることを確認してください。（※）2（2）及び2（3）は医療機関が事業者と契約していない場合には、確認が不要になります。',
    },
    'target-dates': {
      check: '「いいえ」の項目に目標日が記入されている',
      guide: '「いいえ」にマルが付いた項目については、目標日の記入を確認してください。',
    },
    'contact-chart': {
      check: '3(1)の連絡体制図の現物がある（Mamoriで作成したもの、または3(1)に添付したもの）',
      guide: '3（1）の連絡体制図については立入検査までに作成することを求めています。立入検査時は、連絡体制図の有無を、現物を見て確認してください。',
    },
    'vendor-contracts': {
      check: '事業者と契約している場合、「事業者確認用」がある',
      guide: '医療機関が事業者と契約している場合には、「事業者確認用」も確認してください。',
    },
    'vendor-form': {
      check: 'この事業者の「事業者確認用」がある',
      guide: '「事業者確認用」は、医療機関と契約している事業者ごとに作成するため、複数事業者と契約している場合は、すべてを確認してください。',
    },
    'vendor-first-round': {
      check: 'チェック項目に、1回目の確認結果（日付と「はい」または「いいえ」）が記入されている',
      guide: 'チェック項目について、1回目の確認結果（日付と「はい」または「いいえ」）が記入されていることを確認してください。',
    },
    'vendor-coverage': {
      check: '契約の対象外の項目が、「医療機関確認用」または別の事業者の「事業者確認用」に記入されている',
      guide:
        '契約内容によっては、一部の項目の確認が不要になることもあります。その場合、同項目について「医療機関確認用」または別の事業者が作成する「事業者確認用」に記入があれば問題ありません。',
    },
    'vendor-target-dates': {
      check: '「いいえ」の項目に目標日が記入されている',
      guide: '「いいえ」にマルがついた項目については、目標日の記入を確認してください。',
    },
  },
  citation: (point) => `立入検査の手引き ${point}`,
  status: { met: '満たしている', 'not-met': '満たしていない', 'not-applicable': '対象外' },
  notApplicable: {
    'gate-no': '「医療情報システムの有無」が「いいえ」のため確認不要',
    'no-vendor-contract': '事業者と契約していないため確認不要',
    'form-not-needed': 'この契約には「事業者確認用」が不要',
    'no-form': '「事業者確認用」がないため確認できない',
    'nothing-excluded': '契約の対象外の項目なし',
  },
  verdict: {
    heading: '総合判定',
    ready: '立入検査で確認する事項をすべて満たしています',
    notReady: '満たしていない事項があります',
  },
  problems: {
    unanswered: '1回目の確認結果がない',
    'missing-date': '確認した日付がない',
    'missing-target-date': '「いいえ」に目標日がない',
    'target-outside-fiscal-year': '目標日が年度の外',
    'date-outside-fiscal-year': '1回目の確認日が年度より前',
    'target-before-date': '目標日が確認日より前',
    'round-date-order': '後の回の日付が前の回より前',
    'date-in-future': '確認日が未来の日付',
    'missing-reason': '「該当なし」の理由がない',
    'not-applicable-not-allowed': '「該当なし」にできない項目',
    'contact-chart-missing': '連絡体制図がない',
    'vendor-form-missing': '「事業者確認用」がない',
    'vendor-form-unreviewed': '事業者の回答を医療機関がまだ確認していない',
    'not-covered': '「医療機関確認用」にも別の事業者の「事業者確認用」にも記入がない',
    overdue: '目標日を過ぎても「いいえ」のまま',
  },
  exemptions: {
    subcontract: '元請を通じた契約（マニュアル I-4、Q&A 12-D-19）',
    'no-patient-data': '患者情報を扱わないシステム（Q&A 12-D-22）',
    'no-maintenance': '保守契約なし（Q&A 12-D-23）',
  },
  reference: {
    heading: '参考項目',
    guide: '令和5年度の立入検査では、①②ともに、参考項目の検査は不要です。',
    rule: '参考項目は、参考項目とされた年度の立入検査では確認しません。下の指摘は参考です。',
    none: 'この年度の様式に参考項目はありません。',
  },
  labels: {
    facility: '医療機関名',
    fiscalYear: '年度',
    asOf: '判定日',
    gate: '医療情報システムの有無',
    answers: { yes: 'はい', no: 'いいえ', not_applicable: '該当なし', none: '未回答' },
    vendor: '事業者',
    institutionForm: '医療機関確認用',
    note: '参考',
    notNeeded: '記入不要（事業者と契約していない）',
    excluded: '契約の対象外の項目',
    inspections: '記録された立入検査',
    noInspections: '記録された立入検査はありません。',
    inspectedOn: '検査日',
    inspector: '検査担当',
    findings: '指摘事項',
    noFindings: '指摘事項なし',
    answer: '医療機関の回答',
    noAnswer: '回答なし',
    followUp: '改善報告を求める',
    colon: '：',
    list: (items) => items.join('、'),
    aside: (text) => `（${text}）`,
    tag: (text) => `［${text}］`,
    quote: (text) => `「${text}」`,
    bullet: '・',
    gap: '　',
    year: (wareki, fiscalYear) => `${wareki}（${fiscalYear}年度）`,
    date: (wareki, iso) => `${wareki}（${iso}）`,
    page: (page, of) => `${page} / ${of}`,
  },
  item: itemName('ja'),
};

const en: InspectionReportWords = {
  title: 'Inspection readiness report',
  fileName: 'inspection-readiness',
  parts: {
    institution: '① The institution form (医療機関確認用)',
    vendor: '② The vendor forms (事業者確認用)',
  },
  points: {
    gate: {
      check: '"Medical information system" is answered (if no, nothing below is checked)',
      guide: 'If "no" is circled for "medical information system", none of the items below need checking.',
    },
    'first-round': {
      check: 'Every item has a first-round result (a date and yes or no)',
      guide:
        'If "yes" is circled for "medical information system", check that every item has a first-round result (a date and yes or no). (*) 2(2) and 2(3) need no check when the institution has no vendor contract.',
    },
    'target-dates': {
      check: 'Every "no" has a target date',
      guide: 'For items circled "no", check that a target date is filled in.',
    },
    'contact-chart': {
      check: 'The contact chart of 3(1) exists as a document (drawn in Mamori or attached to 3(1))',
      guide: 'The contact chart of 3(1) must be made before the inspection. At the inspection, check that it exists by seeing the document itself.',
    },
    'vendor-contracts': {
      check: 'With a vendor contract, there are vendor forms',
      guide: 'If the institution has a contract with a vendor, check the vendor form as well.',
    },
    'vendor-form': {
      check: "This vendor's form exists",
      guide: 'A vendor form is made for each vendor under contract with the institution: with several vendors, check them all.',
    },
    'vendor-first-round': {
      check: 'The items have a first-round result (a date and yes or no)',
      guide: 'Check that the items have a first-round result (a date and yes or no).',
    },
    'vendor-coverage': {
      check: "Items the contract leaves out are answered on the institution form or another vendor's form",
      guide:
        "Depending on the contract, some items may need no check. That is fine when the same item is filled in on the institution form or on another vendor's form.",
    },
    'vendor-target-dates': {
      check: 'Every "no" has a target date',
      guide: 'For items circled "no", check that a target date is filled in.',
    },
  },
  citation: (point) => `Inspection guide ${point}`,
  status: { met: 'Met', 'not-met': 'Not met', 'not-applicable': 'Not applicable' },
  notApplicable: {
    'gate-no': '"Medical information system" is no: nothing to check',
    'no-vendor-contract': 'No vendor contract: nothing to check',
    'form-not-needed': 'This contract needs no vendor form',
    'no-form': 'No vendor form to check',
    'nothing-excluded': 'The contract leaves no item out',
  },
  verdict: {
    heading: 'Overall',
    ready: 'Every point the inspector checks is met',
    notReady: 'Some points are not met',
  },
  problems: {
    unanswered: 'no first-round result',
    'missing-date': 'no date of the check',
    'missing-target-date': '"no" without a target date',
    'target-outside-fiscal-year': 'target date outside the fiscal year',
    'date-outside-fiscal-year': 'first check dated before the fiscal year',
    'target-before-date': 'target date before the check',
    'round-date-order': 'a later round dated before an earlier one',
    'date-in-future': 'check dated in the future',
    'missing-reason': '"not applicable" without a reason',
    'not-applicable-not-allowed': 'item that cannot be "not applicable"',
    'contact-chart-missing': 'no contact chart',
    'vendor-form-missing': 'no vendor form',
    'vendor-form-unreviewed': "the vendor's answers are not yet reviewed by the institution",
    'not-covered': "answered neither on the institution form nor on another vendor's form",
    overdue: 'still "no" after its target date',
  },
  exemptions: {
    subcontract: 'a subcontract (manual I-4, Q&A 12-D-19)',
    'no-patient-data': 'no patient information (Q&A 12-D-22)',
    'no-maintenance': 'no maintenance contract (Q&A 12-D-23)',
  },
  reference: {
    heading: 'Reference items',
    guide: 'At the FY2023 inspections, reference items need no check on either form (① or ②).',
    rule: 'Reference items are not inspected in the year they are reference items. What is listed below is for reference only.',
    none: "This year's forms have no reference items.",
  },
  labels: {
    facility: 'Facility',
    fiscalYear: 'Fiscal year',
    asOf: 'As of',
    gate: 'Medical information system',
    answers: { yes: 'Yes', no: 'No', not_applicable: 'Not applicable', none: 'Not answered' },
    vendor: 'Vendor',
    institutionForm: 'Institution form',
    note: 'Reference',
    notNeeded: 'No entry needed (no vendor contract)',
    excluded: 'Items the contract leaves out',
    inspections: 'Inspections on record',
    noInspections: 'No inspection is on record.',
    inspectedOn: 'Date',
    inspector: 'Inspector',
    findings: 'Finding',
    noFindings: 'No findings',
    answer: "The institution's answer",
    noAnswer: 'No answer yet',
    followUp: 'improvement report requested',
    colon: ': ',
    list: (items) => items.join(', '),
    aside: (text) => ` (${text})`,
    tag: (text) => `[${text}] `,
    quote: (text) => `"${text}"`,
    bullet: '• ',
    gap: '   ',
    year: (wareki, fiscalYear) => `FY${fiscalYear} (${wareki})`,
    date: (_wareki, iso) => iso,
    page: (page, of) => `${page} / ${of}`,
  },
  item: itemName('en'),
};

export const inspectionReportWords: Record<'ja' | 'en', InspectionReportWords> = { ja, en };

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  PageNumber,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { bcpTemplate, formatJapaneseDate, todayInTokyo, type BcpEssentials } from '@mamori/domain';

type BcpLocale = 'ja' | 'en';

export interface BcpTemplateInput {
  facilityName: string;
  /** The facility's saved essentials; null prints the template with its examples only. */
  essentials: BcpEssentials | null;
  locale: BcpLocale;
  /** The date printed under the title (YYYY-MM-DD); today in Japan when omitted. */
  printedAt?: string;
}

/** One section as printed: the facility's own words when it wrote some, else the example and lines to write on. */
export interface BcpSectionContent {
  number: number;
  heading: string;
  guidance: string;
  own: string | null;
  example: string;
  blankLines: number;
}

export interface BcpContent {
  title: string;
  facility: { label: string; value: string };
  date: { label: string; value: string };
  colon: string;
  intro: string;
  exampleMark: string;
  sections: BcpSectionContent[];
  page: (n: number, of: number) => string;
}

const englishDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const texts = {
  ja: {
    title: 'サイバー攻撃を想定した事業継続計画（BCP）',
    facility: '医療機関名',
    date: '作成日',
    colon: '：',
    intro: '「記入例」は参考です。自院の体制や業務に合わせて、空欄に書き込むか書き換えてください。',
    exampleMark: '記入例',
    date_: formatJapaneseDate,
  },
  en: {
    title: 'Business continuity plan for cyber attacks (BCP)',
    facility: 'Medical institution',
    date: 'Date',
    colon: ': ',
    intro: "The examples are suggestions: write your facility's own arrangements in the blank lines, or replace them.",
    exampleMark: 'Example',
    date_: (iso: string) => englishDate.format(new Date(`${iso}T00:00:00Z`)),
  },
} as const;

/** Short answers (a name or a post) get two lines to write on; the rest get a paragraph's worth. */
const shortFields: ReadonlySet<string> = new Set<keyof BcpEssentials>(['decisionMaker']);

const ownText = (essentials: BcpEssentials | null, key: string): string | null => {
  if (!essentials || !Object.hasOwn(essentials, key)) return null;
  const value = essentials[key as keyof BcpEssentials];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};

/** The plan in words, once: the PDF and the Word file print the same thing. */
export function bcpContent(input: BcpTemplateInput): BcpContent {
  const t = texts[input.locale];
  return {
    title: t.title,
    facility: { label: t.facility, value: input.facilityName },
    date: { label: t.date, value: t.date_(input.printedAt ?? todayInTokyo()) },
    colon: t.colon,
    intro: t.intro,
    exampleMark: t.exampleMark,
    sections: bcpTemplate.map((section, index) => {
      const words = input.locale === 'en' ? section.en : section;
      return {
        number: index + 1,
        heading: words.heading,
        guidance: words.guidance,
        own: ownText(input.essentials, section.key),
        example: section.example,
        blankLines: shortFields.has(section.key) ? 2 : 6,
      };
    }),
    page: (n, of) => `${n} / ${of}`,
  };
}

/**
 * Yu Gothic is on every Windows since 8.1 and every Mac; Word and LibreOffice fall back to a Japanese font
 * of their own where it is missing, so the document opens everywhere without embedding one.
 */
const font = { ascii: 'Yu Gothic', hAnsi: 'Yu Gothic', eastAsia: '游ゴシック', cs: 'Yu Gothic' };
const grey = '666666';
const lineColour = '999999';
/** Half-points, as Word counts them. */
const size = { title: 32, facility: 24, heading: 24, body: 21, guidance: 18, small: 16 };

const lines = (text: string, options: { size?: number; color?: string; bold?: boolean } = {}) =>
  text.split(/\r?\n/).map(
    (line) =>
      new Paragraph({
        spacing: { after: 40 },
        children: [new TextRun({ text: line, ...options })],
      }),
  );

/** Ruled lines to write on: one table column whose rows only have a dotted line underneath. */
function writingLines(count: number): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const dotted = { style: BorderStyle.DOTTED, size: 6, color: lineColour };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: none, left: none, right: none, bottom: dotted, insideHorizontal: dotted, insideVertical: none },
    rows: Array.from(
      { length: count },
      () =>
        new TableRow({
          height: { value: 510, rule: HeightRule.ATLEAST },
          children: [new TableCell({ width: { size: 100, type: WidthType.PERCENTAGE }, children: [new Paragraph('')] })],
        }),
    ),
  });
}

function section(content: BcpContent, s: BcpSectionContent): (Paragraph | Table)[] {
  const heading = new Paragraph({
    keepNext: true,
    spacing: { before: 360, after: 80 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '333333', space: 2 } },
    children: [new TextRun({ text: `${s.number}. ${s.heading}`, bold: true, size: size.heading })],
  });
  const guidance = s.guidance
    .split(/\r?\n/)
    .map((line) => new Paragraph({ keepNext: true, spacing: { after: 60 }, children: [new TextRun({ text: line, size: size.guidance, color: grey })] }));
  if (s.own !== null) return [heading, ...guidance, new Paragraph({ spacing: { after: 40 } }), ...lines(s.own, { size: size.body })];
  const mark = new Paragraph({
    keepNext: true,
    spacing: { before: 80, after: 40 },
    children: [
      new TextRun({
        text: ` ${content.exampleMark} `,
        size: size.small,
        bold: true,
        color: '444444',
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E6E6E6' },
        border: { style: BorderStyle.SINGLE, size: 4, color: '888888', space: 0 },
      }),
    ],
  });
  const example = s.example.split(/\r?\n/).map(
    (line) =>
      new Paragraph({
        keepNext: true,
        indent: { left: 200 },
        spacing: { after: 40 },
        children: [new TextRun({ text: line, size: size.guidance, color: grey })],
      }),
  );
  return [heading, ...guidance, mark, ...example, writingLines(s.blankLines)];
}

/** The BCP template as a Word document (A4, Japanese font), for the facility to complete and keep. */
export async function renderBcpDocx(input: BcpTemplateInput): Promise<Buffer> {
  const content = bcpContent(input);
  const language = input.locale === 'ja' ? { value: 'ja-JP', eastAsia: 'ja-JP' } : { value: 'en-GB', eastAsia: 'ja-JP' };
  const doc = new Document({
    creator: 'Mamori',
    title: content.title,
    description: content.facility.value,
    styles: {
      default: {
        document: { run: { font, size: size.body, language }, paragraph: { spacing: { line: 300 } } },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ size: size.small, color: grey, children: [`${content.title}　`, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        properties: {
          // A4 in twips, 20 mm margins.
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: content.title, bold: true, size: size.title })],
          }),
          new Paragraph({
            spacing: { after: 60 },
            children: [
              new TextRun({ text: `${content.facility.label}${content.colon}`, size: size.facility }),
              new TextRun({ text: content.facility.value, size: size.facility, bold: true }),
            ],
          }),
          new Paragraph({
            spacing: { after: 200 },
            children: [new TextRun({ text: `${content.date.label}${content.colon}${content.date.value}`, size: size.body })],
          }),
          new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: content.intro, size: size.guidance, color: grey })] }),
          ...content.sections.flatMap((s) => section(content, s)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

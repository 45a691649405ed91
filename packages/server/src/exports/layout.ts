import { deviceScopes, formForFiscalYear, type AnswerValue, type EditionForm, type Item } from '@mamori/domain';
import { labelsFor, type Labels } from './labels.js';
import type { ExportModel, ExportRound } from './model.js';

/** One round's answer as printed: the chosen word (はい / いいえ / 該当なし) and its date, or the blanks to fill in by hand. */
export interface ResultCell {
  value: AnswerValue | null;
  mark: string;
  date: string;
}

export interface ItemRow {
  kind: 'item';
  id: string;
  label: string;
  text: string;
  /** What the check-item cell prints: the number and the text (the gate: its text and its printed proviso). */
  display: string;
  notNeeded: boolean;
  /** The form has no target date or second round for this row (e.g. the contact chart). */
  singleRound: boolean;
  first: ResultCell;
  target: string;
  second: ResultCell;
  /** Rounds 3 and later, each as one short line; the ministry's form has no column for them. */
  extra: string[];
  /** The rounds' notes as written (Excel shows them in a column) … */
  notes: { round: number; text: string }[];
  /** … and their footnote numbers (the PDF prints them under the table). */
  noteRefs: number[];
}

type Row = ItemRow | { kind: 'scope'; text: string };

export interface SectionBlock {
  title: string;
  rows: Row[];
}

export interface Part {
  heading: string;
  intro: string[];
  sections: SectionBlock[];
  footnotes: { ref: number; text: string }[];
  ministryNotes: string[];
}

/**
 * The form as the ministry prints it, already in words: PDF and Excel draw the same thing, so the
 * decisions (which part an item is in, what a blank looks like, which notes go where) live here once.
 */
export interface FormLayout {
  labels: Labels;
  title: string;
  formName: string;
  fiscalYear: string;
  /** Lines printed under the title (2024: 「～立入検査時、本チェックリストを確認します～」). */
  banner: string[];
  /** Set when the checklist's year has no edition of its own and uses an earlier one's items (FY2026 on 2025). */
  editionNotice: string | null;
  /** The date checked has its own column (確認日, 2025) instead of sitting under the answer. */
  checkDateColumn: boolean;
  parties: { label: string; value: string }[];
  printedAt: string;
  gate: { section: string; row: ItemRow } | null;
  parts: Part[];
}

const scopeOrder = (item: Item) => deviceScopes.indexOf(item.scope);
const noSort = () => 0;

/**
 * The edition's notes are the printed ones in print order; where each goes on the page shows in how it starts:
 * "(…)" is the gate row's proviso, "【参考項目…】" heads the reference part, "●" is a footnote, the rest
 * ("*…") heads the first part.
 */
function sortNotes(notes: string[]) {
  const bracket = /^[【[][^】\]]*[】\]]\s*/;
  return {
    banner: notes.filter((n) => /^[～~]/.test(n)),
    gate: notes.filter((n) => /^[(（]/.test(n)),
    reference: notes.filter((n) => bracket.test(n)).map((n) => n.replace(bracket, '')),
    footnotes: notes.filter((n) => n.startsWith('●')).map((n) => n.replace(/^●\s*/, '')),
    required: notes.filter((n) => !/^[(（●～~]/.test(n) && !bracket.test(n)),
  };
}

/** The form's heading without the form name and year the edition's title carries ("…チェックリスト（医療機関確認用）令和5年度"). */
function baseTitle(title: string, fallback: string): string {
  return /^(.+?)\s*[（(:：]/.exec(title)?.[1] ?? fallback;
}

export function buildLayout(model: ExportModel): FormLayout {
  const { locale } = model;
  // Every year-bearing text names the checklist's own year (令和8年度 for a FY2026 checklist on the 2025 edition).
  const form = formForFiscalYear(model.form, model.fiscalYear);
  const labels = labelsFor(locale);
  const sectionById = new Map(form.sections.map((s) => [s.id, s]));
  const printed = sortNotes(form.notes.map((n) => n[locale]));
  const footnoteText: string[] = [];
  // The form prints numbered sections as "1 体制構築"; the gate's section has no number.
  const sectionTitle = (section: EditionForm['sections'][number]) =>
    /^\d+$/.test(section.id) ? `${section.id} ${section.title[locale]}` : section.title[locale];

  const cell = (round: ExportRound | undefined): ResultCell =>
    round
      ? { value: round.value, mark: labels.answer[round.value], date: round.date ? labels.date(round.date) : labels.blankDate }
      : { value: null, mark: labels.blankMark, date: labels.blankDate };
  // The 2025 forms number rows in one run, each naming its devices; earlier ones group rows under device headings.
  const grouped = form.layout.groupByScope;
  const scopeSuffix = (item: Item) => (grouped || item.scope === 'general' ? '' : labels.scopeSuffix[item.scope]);

  const itemRow = (item: Item): ItemRow => {
    const rounds = [...(model.answers[item.id] ?? [])].sort((a, b) => a.round - b.round);
    const [first, second] = [rounds.find((r) => r.round === 1), rounds.find((r) => r.round === 2)];
    const targets = [...new Set([first?.targetDate, second?.targetDate].filter((d): d is string => Boolean(d)))];
    const notes = rounds.filter((r) => r.note.trim()).map((r) => ({ round: r.round, text: r.note.trim() }));
    const noteRefs = notes.map((n) => footnoteText.push(`${item.label} ${labels.round(n.round)}: ${n.text}`));
    return {
      kind: 'item',
      id: item.id,
      label: item.label,
      text: item.text[locale],
      display: item.flags.gate ? [item.text[locale], ...printed.gate].join(' ') : `${item.label} ${item.text[locale]}${scopeSuffix(item)}`,
      notNeeded: model.requirements?.[item.id] === 'not-needed',
      singleRound: item.flags.singleRound,
      first: cell(first),
      target: targets.map(labels.date).join('\n'),
      second: cell(second),
      extra: rounds
        .filter((r) => r.round > 2)
        .map((r) =>
          [labels.round(r.round), cell(r).mark, r.date ? labels.date(r.date) : '', r.targetDate ? `(${labels.target} ${labels.date(r.targetDate)})` : '']
            .filter(Boolean)
            .join(' '),
        ),
      notes,
      noteRefs,
    };
  };

  const sectionBlocks = (items: Item[]): SectionBlock[] =>
    form.sections.flatMap((section) => {
      const inSection = items.filter((i) => i.section === section.id).sort(grouped ? (a, b) => scopeOrder(a) - scopeOrder(b) : noSort);
      if (inSection.length === 0) return [];
      const rows: Row[] = [];
      inSection.forEach((item, index) => {
        const heading = grouped ? section.scopeHeadings[item.scope] : undefined;
        if (heading && inSection[index - 1]?.scope !== item.scope) rows.push({ kind: 'scope', text: heading[locale] });
        rows.push(itemRow(item));
      });
      return [{ title: sectionTitle(section), rows }];
    });

  // Footnotes are numbered in print order, so each part takes the ones its rows (and the gate) added.
  let footnotesTaken = 0;
  const takeFootnotes = () => {
    const taken = footnoteText.slice(footnotesTaken).map((text, i) => ({ ref: footnotesTaken + i + 1, text }));
    footnotesTaken = footnoteText.length;
    return taken;
  };

  const gateItem = form.items.find((i) => i.flags.gate);
  const gateSection = gateItem && sectionById.get(gateItem.section);
  const gate = gateItem ? { section: gateSection ? sectionTitle(gateSection) : '', row: itemRow(gateItem) } : null;
  const body = form.items.filter((i) => !i.flags.gate);
  const required = body.filter((i) => i.requirement === 'required');
  const dueYears = [...new Set(body.filter((i) => i.requirement === 'reference').map((i) => i.dueFiscalYear ?? model.fiscalYear + 1))].sort((a, b) => a - b);

  // An edition without printed notes still gets the ministry's usual wording.
  const requiredIntro = printed.required.length ? printed.required : [`*${labels.requiredIntro(model.fiscalYear)}`, `*${labels.targetIntro(model.fiscalYear)}`];
  const ministryNotes = printed.footnotes.length
    ? printed.footnotes
    : [labels.ministryNotes.manual, ...(form.form === 'vendor' ? [] : [labels.ministryNotes.inspection])];

  const parts: Part[] = [];
  if (required.length > 0) {
    const sections = sectionBlocks(required);
    parts.push({
      heading: labels.requiredPart(model.fiscalYear),
      intro: requiredIntro,
      sections,
      footnotes: takeFootnotes(),
      ministryNotes,
    });
  }
  for (const year of dueYears) {
    const sections = sectionBlocks(body.filter((i) => i.requirement === 'reference' && (i.dueFiscalYear ?? model.fiscalYear + 1) === year));
    const intro = printed.reference.length ? printed.reference : [`*${labels.referenceIntro(year)}`];
    parts.push({ heading: labels.referencePart(year), intro, sections, footnotes: takeFootnotes(), ministryNotes });
  }

  const facilityLabel = form.form === 'pharmacy' ? labels.pharmacy : labels.facility;
  return {
    labels,
    title: baseTitle(form.title[locale], labels.title),
    formName: labels.formNames[form.form],
    fiscalYear: labels.fiscalYear(model.fiscalYear),
    banner: printed.banner,
    editionNotice: model.form.fiscalYear < model.fiscalYear ? labels.editionNotice(model.fiscalYear, model.form.fiscalYear) : null,
    checkDateColumn: form.layout.checkDateColumn,
    parties: [
      { label: facilityLabel, value: model.facilityName },
      ...(model.vendorName !== null || form.form === 'vendor' ? [{ label: labels.vendor, value: model.vendorName ?? '' }] : []),
    ],
    printedAt: `${labels.printedAt}${labels.colon}${labels.date(model.printedAt)}`,
    gate,
    parts,
  };
}

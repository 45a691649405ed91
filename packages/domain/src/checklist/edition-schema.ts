import { z } from 'zod';

/** A text in both UI languages; Japanese is authoritative (the ministry's wording). */
export const Bilingual = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof Bilingual>;

export const formKinds = ['institution', 'vendor', 'pharmacy'] as const;
export const FormKind = z.enum(formKinds);
export type FormKind = z.infer<typeof FormKind>;

/** Which devices a row is about; `general` rows are about the medical information system as a whole. */
export const deviceScopes = ['general', 'server', 'terminal', 'network'] as const;
export const DeviceScope = z.enum(deviceScopes);
export type DeviceScope = z.infer<typeof DeviceScope>;

export const Requirement = z.enum(['required', 'reference']);
export type Requirement = z.infer<typeof Requirement>;

/** `2(4)@server`, `3(1)`, `gate`: the institution numbering plus the device scope where a row has one. */
export const ItemId = z.string().regex(/^(gate|\d+\(\d+\)(@(server|terminal|network))?)$/, 'item id like gate, 1(1) or 2(4)@server');

export const Item = z.strictObject({
  id: ItemId,
  /** As printed on the form, e.g. "(8)"; the vendor form's printed numbers differ from the ids. */
  label: z.string().min(1),
  /** Stable across editions: the same topic (e.g. "patches") keeps its key when ids or wording change. */
  topic: z.string().regex(/^[a-z][a-z0-9-]*$/),
  section: z.string().min(1),
  scope: DeviceScope,
  text: Bilingual,
  /** Own-words explanation for people who are not IT experts. */
  explanation: Bilingual,
  howToCheck: Bilingual,
  /** Typical doubts answered by the ministry's Q&A, with its question number. */
  faq: z.array(z.strictObject({ ref: z.string().min(1), question: Bilingual, answer: Bilingual })).default([]),
  guidelineRefs: z.array(z.string().min(1)).default([]),
  requirement: Requirement,
  /** For reference items: the fiscal year by which they must be done. */
  dueFiscalYear: z.int().min(2023).max(2100).optional(),
  flags: z
    .strictObject({
      gate: z.boolean().default(false),
      vendorContractOnly: z.boolean().default(false),
      singleRound: z.boolean().default(false),
      /** The inspector looks at the thing itself (the contact chart), not only the tick. */
      artifact: z.enum(['contactChart']).optional(),
      /**
       * The item's own text accepts a plan as はい: "又は令和6年度中に策定予定である" (2023 3(3)). The fiscal year by
       * which the plan must be due; the ledger suggestion counts a recorded plan up to that year's end.
       */
      planCountsUntilFiscalYear: z.int().min(2023).max(2100).optional(),
    })
    .default({ gate: false, vendorContractOnly: false, singleRound: false }),
});
export type Item = z.infer<typeof Item>;

export const Section = z.strictObject({
  id: z.string().min(1),
  title: Bilingual,
  /** Sub-headings printed inside the section, by device scope ("サーバについて、以下を実施している。"). */
  scopeHeadings: z.partialRecord(DeviceScope, Bilingual).default({}),
});

/**
 * How the printed table is laid out, where editions differ. `checkDateColumn`: the 2025 forms print a 確認日 (date
 * checked) column beside each answer instead of the date in parentheses under it. `groupByScope`: the 2023 and 2024
 * forms group a section's rows under device headings (サーバについて、以下を実施している。); the 2025 forms number rows
 * ①–⑬ in one run, each naming its devices, so rows print in file order.
 */
export const FormLayout = z.strictObject({ checkDateColumn: z.boolean().default(false), groupByScope: z.boolean().default(true) });

export const EditionForm = z
  .strictObject({
    $schema: z.string().optional(),
    edition: z.string().regex(/^\d{4}$/),
    fiscalYear: z.int().min(2023).max(2100),
    form: FormKind,
    title: Bilingual,
    /**
     * Printed notes at the head of the form (e.g. "2(2)及び2(3)については、事業者と契約していない場合には、記入不要です。").
     * Texts that name the fiscal year are templates: `{fy}` is the checklist's own fiscal year (令和8年度 / FY2026),
     * `{fy+1}` the year after; see `fiscal-year-text.ts`.
     */
    notes: z.array(Bilingual).default([]),
    layout: FormLayout.default({ checkDateColumn: false, groupByScope: true }),
    /** How certain the content is: `seed` (from the ministry's document), or `uncertain` (reconstructed). */
    source: z.strictObject({ status: z.enum(['seed', 'partial', 'uncertain']), note: z.string().optional() }),
    sections: z.array(Section).min(1),
    items: z.array(Item).min(1),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    const sections = new Set(form.sections.map((s) => s.id));
    form.items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate item id ${item.id}` });
      seen.add(item.id);
      if (!sections.has(item.section)) ctx.addIssue({ code: 'custom', path: ['items', index, 'section'], message: `unknown section ${item.section}` });
      if (item.requirement === 'reference' && item.dueFiscalYear === undefined) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'dueFiscalYear'], message: 'a reference item needs dueFiscalYear' });
      }
    });
    if (form.form !== 'vendor' && form.items.filter((i) => i.flags.gate).length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'an institution or pharmacy form has exactly one gate item' });
    }
    for (const { path, text } of yearBearingTexts(form)) {
      for (const language of ['ja', 'en'] as const) {
        const problem = yearTemplateProblem(text[language]);
        if (problem) ctx.addIssue({ code: 'custom', path: [...path, language], message: problem });
      }
    }
  });
export type EditionForm = z.infer<typeof EditionForm>;

/** The form-level texts that say which fiscal year the form is for: templates filled per checklist. */
function yearBearingTexts(form: {
  title: Bilingual;
  notes: Bilingual[];
  sections: { title: Bilingual; scopeHeadings: Partial<Record<DeviceScope, Bilingual>> }[];
}) {
  return [
    { path: ['title'], text: form.title },
    ...form.notes.map((text, i) => ({ path: ['notes', i], text })),
    ...form.sections.flatMap((section, i) => [
      { path: ['sections', i, 'title'], text: section.title },
      ...Object.entries(section.scopeHeadings).map(([scope, text]) => ({ path: ['sections', i, 'scopeHeadings', scope], text: text! })),
    ]),
  ];
}

/**
 * A printed year in a form-level text would go stale when the edition serves a later fiscal year (a FY2026
 * checklist on the 2025 edition must say 令和8年度): those texts name the year through `{fy}` / `{fy+N}` only.
 */
function yearTemplateProblem(text: string): string | null {
  if (/令和\s*[0-9０-９元]+\s*年度|\bFY\s?\d{4}\b/.test(text)) return 'name the fiscal year as {fy} or {fy+N}, not as a printed year';
  for (const match of text.matchAll(/\{([^}]*)\}/g)) if (!/^fy(\+\d)?$/.test(match[1]!)) return `unknown placeholder {${match[1]}}`;
  return null;
}

/** The gate and items printed with one answer column (3(1) in 2023) have no target date and no second round. */
export const isSingleRound = (item: Pick<Item, 'flags'>): boolean => item.flags.gate || item.flags.singleRound;

/**
 * 該当なし is for a device row the facility has nothing of (Q&A 12-B-8: no internet line, so the network part does
 * not apply); general items always apply.
 */
export const allowsNotApplicable = (item: Pick<Item, 'scope' | 'flags'>): boolean => item.scope !== 'general' && !item.flags.gate;

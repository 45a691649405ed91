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

export const EditionForm = z
  .strictObject({
    $schema: z.string().optional(),
    edition: z.string().regex(/^\d{4}$/),
    fiscalYear: z.int().min(2023).max(2100),
    form: FormKind,
    title: Bilingual,
    /** Printed notes at the head of the form (e.g. "2(2)及び2(3)については、事業者と契約していない場合には、記入不要です。"). */
    notes: z.array(Bilingual).default([]),
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
  });
export type EditionForm = z.infer<typeof EditionForm>;

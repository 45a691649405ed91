import { z } from 'zod';
import { FacilityKind } from '../facility.js';
import { answerValues } from './answer-values.js';
import type { Catalog } from './catalog.js';
import { isSingleRound } from './edition-schema.js';
import { isIsoDate } from './fiscal-year.js';
import { vendorFormExemptions } from '../vendors/form-need.js';

const IsoDateString = z.string().refine(isIsoDate, { message: 'date must be YYYY-MM-DD' });

export const Round = z.object({
  /** はい / いいえ, or 該当なし on a device row the facility has nothing of (with the reason in `note`). */
  value: z.enum(answerValues),
  date: IsoDateString.nullish(),
  targetDate: IsoDateString.nullish(),
  note: z.string().nullish(),
  riskAccepted: z.boolean().optional(),
});
export type Round = z.infer<typeof Round>;

const Answers = z.record(z.string(), z.array(Round));

/** What the evaluator needs to know about one facility's checklist in one fiscal year. */
export const Bundle = z.object({
  edition: z.string(),
  /** The checklist's fiscal year; defaults to the edition's. A year without its own edition uses the latest one. */
  fiscalYear: z.int().min(2023).max(2100).optional(),
  asOf: IsoDateString,
  facility: z.object({ kind: FacilityKind, hasVendorContract: z.boolean() }),
  institution: z.object({ answers: Answers }),
  vendors: z
    .array(
      z.object({
        name: z.string().min(1),
        excludedItems: z.array(z.string()).default([]),
        /** Absent: the vendor has not returned its form. */
        answers: Answers.optional(),
        /** For forms requested through Mamori: returned answers wait for the facility to accept them. */
        review: z.enum(['pending', 'accepted']).optional(),
        /**
         * Why this contract needs no vendor form of its own (manual I-4, Q&A 12-D-19/22/23); absent: it needs one.
         * An exempt vendor's form is still evaluated when returned, but nothing about it blocks the inspection.
         */
        exemption: z.enum(vendorFormExemptions).optional(),
      }),
    )
    .default([]),
  artifacts: z.object({ contactChart: z.boolean().default(false) }).default({ contactChart: false }),
});
export type Bundle = z.infer<typeof Bundle>;

export interface BundleProblem {
  path: string;
  message: string;
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * Validates a bundle against its schema and against the edition it names: unknown editions and item
 * ids are errors, each naming the place in the input.
 */
export function parseBundle(catalog: Catalog, input: unknown): { ok: true; bundle: Bundle } | { ok: false; problems: BundleProblem[] } {
  const parsed = Bundle.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })) };
  const bundle = parsed.data;
  if (!catalog.has(bundle.edition)) {
    return { ok: false, problems: [{ path: 'edition', message: `unknown edition ${bundle.edition}; known: ${catalog.editions().join(', ')}` }] };
  }
  const problems: BundleProblem[] = [];
  const facilityForm = catalog.facilityForm(bundle.edition, bundle.facility.kind)!;
  // The gate and single-round items have one answer column on the printed form: a second round cannot exist.
  const checkRounds = (path: string, id: string, rounds: readonly Round[], form: 'institution' | 'pharmacy' | 'vendor') => {
    const item = catalog.item(bundle.edition, form, id);
    if (!item) problems.push({ path, message: `unknown item id ${id} in the ${bundle.edition} ${form} form` });
    else if (isSingleRound(item) && rounds.length > 1)
      problems.push({ path: `${path}.1`, message: `item ${id} has one answer column; a second round is not possible` });
  };
  for (const [id, rounds] of Object.entries(bundle.institution.answers)) checkRounds(`institution.answers.${id}`, id, rounds, facilityForm.form);
  bundle.vendors.forEach((vendor, index) => {
    const known = (id: string) => Boolean(catalog.item(bundle.edition, 'vendor', id));
    for (const [id, rounds] of Object.entries(vendor.answers ?? {})) checkRounds(`vendors.${index}.answers.${id}`, id, rounds, 'vendor');
    vendor.excludedItems.forEach((id, i) => {
      if (!known(id) && !catalog.item(bundle.edition, facilityForm.form, id))
        problems.push({ path: `vendors.${index}.excludedItems.${i}`, message: `unknown item id ${id}` });
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, bundle };
}

import type { FacilityKind } from '../facility.js';
import { EditionForm, type FormKind, type Item } from './edition-schema.js';

/** The known editions and forms, parsed and indexed once. Built from data files by whoever reads them. */
export class Catalog {
  private readonly forms = new Map<string, EditionForm>();
  private readonly itemIndex = new Map<string, Map<string, Item>>();

  constructor(forms: readonly EditionForm[]) {
    for (const form of forms) {
      const key = Catalog.key(form.edition, form.form);
      if (this.forms.has(key)) throw new Error(`edition ${form.edition} has two ${form.form} forms`);
      this.forms.set(key, form);
      this.itemIndex.set(key, new Map(form.items.map((item) => [item.id, item])));
    }
  }

  private static key(edition: string, form: FormKind): string {
    return `${edition}/${form}`;
  }

  editions(): string[] {
    return [...new Set([...this.forms.values()].map((f) => f.edition))].sort();
  }

  has(edition: string): boolean {
    return this.editions().includes(edition);
  }

  form(edition: string, form: FormKind): EditionForm | undefined {
    return this.forms.get(Catalog.key(edition, form));
  }

  item(edition: string, form: FormKind, id: string): Item | undefined {
    return this.itemIndex.get(Catalog.key(edition, form))?.get(id);
  }

  /** The facility's own form: pharmacies have their own where the edition has one. */
  facilityForm(edition: string, kind: FacilityKind): EditionForm | undefined {
    return (kind === 'pharmacy' && this.form(edition, 'pharmacy')) || this.form(edition, 'institution');
  }

  /** The edition in force for a fiscal year: the newest one not after it. */
  editionForFiscalYear(fiscalYear: number): string | undefined {
    return this.editions()
      .filter((e) => [...this.forms.values()].some((f) => f.edition === e && f.fiscalYear <= fiscalYear))
      .at(-1);
  }
}

/** Parses one edition file; on failure the issues name the path inside the file. */
export function parseEditionForm(json: unknown) {
  return EditionForm.safeParse(json);
}

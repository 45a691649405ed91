import type { LiveProblem } from './model';

export interface ProblemGroup {
  key: string;
  item: string | null;
  form: string;
  problems: LiveProblem[];
}

/** Item ids in number order, as on the form: 1(1) … 2(8), 2(9), 2(10); whole-form findings and the gate question first. */
const collator = new Intl.Collator('ja', { numeric: true });
const byItem = (a: string | null, b: string | null) => {
  const ranked = (id: string | null) => (id && /^\d/.test(id) ? 1 : 0);
  return ranked(a) - ranked(b) || collator.compare(a ?? '', b ?? '');
};

export function grouped(problems: LiveProblem[]): ProblemGroup[] {
  const groups: ProblemGroup[] = [];
  for (const p of problems) {
    const key = `${p.form}|${p.item ?? ''}`;
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, item: p.item, form: p.form, problems: [] }));
    g.problems.push(p);
  }
  // Forms keep the order the evaluation gives them (this facility's form, then each vendor's).
  const forms = [...new Set(groups.map((g) => g.form))];
  return groups.sort((a, b) => forms.indexOf(a.form) - forms.indexOf(b.form) || byItem(a.item, b.item));
}

import type { EditionForm, Item } from './edition-schema.js';

export type ItemChange =
  | { change: 'added'; topic: string; scope: Item['scope']; to: Pick<Item, 'id' | 'label' | 'requirement'>; text: string }
  | { change: 'removed'; topic: string; scope: Item['scope']; from: Pick<Item, 'id' | 'label' | 'requirement'>; text: string }
  | {
      change: 'changed';
      topic: string;
      scope: Item['scope'];
      from: Pick<Item, 'id' | 'label' | 'requirement'>;
      to: Pick<Item, 'id' | 'label' | 'requirement'>;
      fields: ('id' | 'label' | 'text' | 'requirement' | 'flags')[];
    };

const keyOf = (item: Item) => `${item.topic}@${item.scope}`;
const summary = (item: Item) => ({ id: item.id, label: item.label, requirement: item.requirement });

/** What changed from one edition of a form to the next, matched by topic and device scope, not by number. */
export function diffForms(from: EditionForm, to: EditionForm): ItemChange[] {
  const before = new Map(from.items.map((i) => [keyOf(i), i]));
  const after = new Map(to.items.map((i) => [keyOf(i), i]));
  const changes: ItemChange[] = [];
  for (const [key, old] of before) {
    const next = after.get(key);
    if (!next) {
      changes.push({ change: 'removed', topic: old.topic, scope: old.scope, from: summary(old), text: old.text.ja });
      continue;
    }
    const fields: ('id' | 'label' | 'text' | 'requirement' | 'flags')[] = [];
    if (old.id !== next.id) fields.push('id');
    if (old.label !== next.label) fields.push('label');
    if (old.text.ja !== next.text.ja) fields.push('text');
    if (old.requirement !== next.requirement) fields.push('requirement');
    if (JSON.stringify(old.flags) !== JSON.stringify(next.flags)) fields.push('flags');
    if (fields.length) changes.push({ change: 'changed', topic: old.topic, scope: old.scope, from: summary(old), to: summary(next), fields });
  }
  for (const [key, item] of after) {
    if (!before.has(key)) changes.push({ change: 'added', topic: item.topic, scope: item.scope, to: summary(item), text: item.text.ja });
  }
  return changes;
}

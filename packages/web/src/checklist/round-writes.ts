import { isSingleColumn, type ItemEdit, type ItemState } from './model';
import type { EditionItem, RoundInput, RoundView } from './queries';

/** The fields a round cannot be saved without, by `<round>.<field>`, with the message key to show. */
export function missingRoundFields(state: ItemState): Record<string, 'chooseAnswer' | 'dateRequired'> {
  const missing: Record<string, 'chooseAnswer' | 'dateRequired'> = {};
  state.rounds.forEach((round, index) => {
    if (!round.value) missing[`${index + 1}.value`] = 'chooseAnswer';
    if (!round.date) missing[`${index + 1}.date`] = 'dateRequired';
  });
  return missing;
}

export interface RoundWrites {
  /** Saved rounds beyond the edit, newest first (the server only withdraws the latest round). */
  remove: number[];
  /** Rounds that differ from what is saved, in order; the note and risk acceptance belong to the last round. */
  put: { round: number; input: RoundInput }[];
}

/**
 * What saving one item sends to the server: only what changed. A target date only on a first-round いいえ of a
 * multi-round item (the form has no target column elsewhere); earlier rounds keep their own notes.
 */
export function roundWrites(item: EditionItem, saved: readonly RoundView[], edit: ItemEdit): RoundWrites {
  const remove: number[] = [];
  for (let n = saved.length; n > edit.rounds.length; n--) remove.push(n);
  const put: RoundWrites['put'] = [];
  edit.rounds.forEach((round, index) => {
    const before = saved[index];
    const isLast = index === edit.rounds.length - 1;
    const note = isLast ? edit.note : (before?.note ?? '');
    const riskAcceptance = isLast ? edit.riskAcceptance : (before?.riskAcceptance ?? '');
    const targetDate = index === 0 && round.value === 'no' && !isSingleColumn(item) ? round.targetDate : null;
    const changed =
      !before ||
      before.draft ||
      before.value !== round.value ||
      before.date !== round.date ||
      (before.targetDate ?? null) !== targetDate ||
      before.note !== note ||
      before.riskAcceptance !== riskAcceptance;
    if (changed)
      put.push({
        round: index + 1,
        input: { value: round.value!, date: round.date!, targetDate, note, riskAcceptance, version: edit.versions[index] ?? null },
      });
  });
  return { remove, put };
}

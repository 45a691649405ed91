import { describe, expect, it } from 'vitest';
import type { ItemEdit } from '../src/checklist/model';
import { missingRoundFields, roundWrites } from '../src/checklist/round-writes';
import { institution2023, saved } from './checklist-fixture';

const item = (id: string) => institution2023.items.find((i) => i.id === id)!;
const edit = (rounds: ItemEdit['rounds'], extra: Partial<ItemEdit> = {}): ItemEdit => ({ rounds, note: '', riskAcceptance: '', versions: [], ...extra });
const round = (value: 'yes' | 'no', date: string, targetDate: string | null = null) => ({ value, date, targetDate });

describe('saving one item', () => {
  it('a first answer is one round with no version; いいえ carries its target date', () => {
    expect(roundWrites(item('2(4)@server'), [], edit([round('no', '2023-07-01', '2024-01-31')], { note: '更新予定' }))).toEqual({
      remove: [],
      put: [{ round: 1, input: { value: 'no', date: '2023-07-01', targetDate: '2024-01-31', note: '更新予定', riskAcceptance: '', version: null } }],
    });
  });

  it('the gate and はい never carry a target date, whatever was typed', () => {
    expect(roundWrites(item('gate'), [], edit([round('no', '2023-07-01', '2024-01-31')])).put[0]!.input.targetDate).toBeNull();
    expect(roundWrites(item('2(4)@server'), [], edit([round('yes', '2023-07-01', '2024-01-31')])).put[0]!.input.targetDate).toBeNull();
  });

  it('sends only the rounds that changed, with the version read; earlier rounds keep their own notes', () => {
    const before = [saved(1, 'no', '2023-06-01', { targetDate: '2024-01-31', note: '一回目のメモ' }), saved(2, 'no', '2023-09-01')];
    const changed = edit([round('no', '2023-06-01', '2024-01-31'), round('yes', '2023-11-01')], { note: '対応済み', versions: before.map((r) => r.version) });
    expect(roundWrites(item('2(4)@server'), before, changed)).toEqual({
      remove: [],
      put: [{ round: 2, input: { value: 'yes', date: '2023-11-01', targetDate: null, note: '対応済み', riskAcceptance: '', version: before[1]!.version } }],
    });
  });

  it('withdraws rounds beyond the edit newest first, and re-sends a carried-over draft as a real answer', () => {
    const before = [saved(1, 'yes', '2023-06-01', { draft: true }), saved(2, 'no', '2023-09-01'), saved(3, 'no', '2023-10-01')];
    const writes = roundWrites(item('1(1)'), before, edit([round('yes', '2023-06-01')], { versions: [before[0]!.version] }));
    expect(writes.remove).toEqual([3, 2]);
    expect(writes.put.map((p) => p.round)).toEqual([1]);
  });

  it('nothing to send when nothing changed', () => {
    const before = [saved(1, 'yes', '2023-06-01')];
    expect(roundWrites(item('1(1)'), before, edit([round('yes', '2023-06-01')]))).toEqual({ remove: [], put: [] });
  });

  it('names the round and field that cannot be saved empty', () => {
    expect(missingRoundFields(edit([round('yes', '2023-06-01'), { value: null, date: null, targetDate: null }]))).toEqual({
      '2.value': 'chooseAnswer',
      '2.date': 'dateRequired',
    });
    expect(missingRoundFields(edit([round('no', '2023-06-01')]))).toEqual({});
  });
});

import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { answersFor, itemName, liveEvaluation, sameState, savedState, startEdit, type Edits } from '../src/checklist/model';
import { allYes, catalog, clinicDetail, institution2023, required2023, saved } from './checklist-fixture';

const t = ((key: string) =>
  ({ 'checklist.gateName': '医療情報システムの有無', 'checklist.scopes.server': 'サーバ', 'checklist.scopes.terminal': '端末PC' })[key] ??
  key) as unknown as TFunction;
const item = (id: string, form = institution2023) => form.items.find((i) => i.id === id)!;

describe('an item as the screen holds it', () => {
  it('shows a carried-over value without its date or target, and the last round’s note', () => {
    const rounds = [saved(1, 'no', '2023-06-01', { targetDate: '2024-01-31', note: '一回目' }), saved(2, 'yes', '2023-11-01', { note: '対応済み' })];
    expect(savedState(rounds)).toEqual({
      rounds: [
        { value: 'no', date: '2023-06-01', targetDate: '2024-01-31', carried: undefined },
        { value: 'yes', date: '2023-11-01', targetDate: null, carried: undefined },
      ],
      note: '対応済み',
      riskAcceptance: '',
    });
    const carried = savedState([saved(1, 'yes', '2022-07-01', { draft: true, targetDate: '2023-03-31' })]);
    expect(carried.rounds).toEqual([{ value: 'yes', date: null, targetDate: null, carried: true }]);
  });

  it('an edit typed back to what is saved is no change; the versions read are kept for the 409 check', () => {
    const rounds = [saved(1, 'yes', '2023-07-01')];
    const edit = startEdit(rounds);
    expect(edit.versions).toEqual([rounds[0]!.version]);
    expect(sameState(edit, savedState(rounds))).toBe(true);
    expect(sameState({ ...edit, note: '変更' }, savedState(rounds))).toBe(false);
    expect(sameState({ ...edit, rounds: [{ ...edit.rounds[0]!, date: '2023-07-02' }] }, savedState(rounds))).toBe(false);
    expect(sameState({ ...edit, rounds: [...edit.rounds, { value: null, date: null, targetDate: null }] }, savedState(rounds))).toBe(false);
  });
});

describe('what the inspector would see if the screen were saved', () => {
  it('takes rounds up to the first empty or carried one, the edit over the saved answer', () => {
    const detail = clinicDetail({ '1(1)': [saved(1, 'yes', '2023-07-01')], '2(1)': [saved(1, 'yes', null, { draft: true })] });
    const edits: Edits = {
      '2(4)@server': {
        rounds: [
          { value: 'no', date: '2023-07-01', targetDate: '2024-02-29' },
          { value: null, date: null, targetDate: null },
        ],
        note: 'OS更新予定',
        riskAcceptance: '',
        versions: [],
      },
    };
    expect(answersFor(institution2023, detail, edits)).toEqual({
      '1(1)': [{ value: 'yes', date: '2023-07-01', targetDate: null, note: '' }],
      '2(4)@server': [{ value: 'no', date: '2023-07-01', targetDate: '2024-02-29', note: 'OS更新予定' }],
    });
  });
});

describe('the live readiness panel', () => {
  const vendorForm = catalog.form('2023', 'vendor')!;

  it('with nothing typed it is the server’s evaluation: every required item done, ready', () => {
    const live = liveEvaluation(institution2023, clinicDetail(allYes()), {}, '2023-12-01', vendorForm);
    expect(live).toMatchObject({
      ready: true,
      requiredTotal: required2023.length,
      requiredDone: required2023.length,
      requiredUnsaved: 0,
      noWithTarget: 0,
      overdue: 0,
    });
    expect(live.problems).toEqual([]);
  });

  it('moves as the user types: いいえ without a target blocks that item; unsaved answers are counted apart', () => {
    const answers = allYes();
    delete answers['3(1)'];
    const detail = clinicDetail(answers);
    const before = liveEvaluation(institution2023, detail, {}, '2023-12-01', vendorForm);
    expect(before.requiredDone).toBe(required2023.length - 1);
    expect(before.problemsOf('3(1)').map((p) => p.code)).toEqual(['unanswered']);

    const edits: Edits = {
      '3(1)': { rounds: [{ value: 'yes', date: '2023-11-01', targetDate: null }], note: '', riskAcceptance: '', versions: [] },
      '2(5)@server': {
        rounds: [{ value: 'no', date: '2023-11-01', targetDate: null }],
        note: '',
        riskAcceptance: '',
        versions: [answers['2(5)@server']![0]!.version],
      },
    };
    const live = liveEvaluation(institution2023, detail, edits, '2023-12-01', vendorForm);
    expect(live.problemsOf('3(1)')).toEqual([]);
    expect(live.problemsOf('2(5)@server').map((p) => `${p.code} ${p.severity}`)).toEqual(['missing-target-date blocking']);
    expect(live.ready).toBe(false);
    expect(live.requiredDone).toBe(required2023.length - 1);
    expect(live.requiredUnsaved).toBe(1);
  });

  it('counts overdue targets and open いいえ with a target', () => {
    const answers = { ...allYes(), '2(4)@server': [saved(1, 'no', '2023-06-01', { targetDate: '2023-09-30' })] };
    const live = liveEvaluation(institution2023, clinicDetail(answers, '2023-12-01'), {}, '2023-12-01', vendorForm);
    expect(live.noWithTarget).toBe(1);
    expect(live.overdue).toBe(1);
  });
});

describe('item names as people find them on the paper form', () => {
  it('section, printed number and device; the gate by its name; 2025 circled numbers with a hyphen', () => {
    expect(itemName(item('2(4)@server'), t)).toBe('2(4) サーバ');
    expect(itemName(item('1(1)'), t)).toBe('1(1)');
    expect(itemName(item('gate'), t)).toBe('医療情報システムの有無');
    const form2025 = catalog.form('2025', 'institution')!;
    const circled = form2025.items.find((i) => i.label === '⑥')!;
    expect(itemName(circled, t)).toMatch(/^2-⑥/);
  });
});

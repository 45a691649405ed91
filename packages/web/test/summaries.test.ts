import { describe, expect, it } from 'vitest';
import type { VendorFormDetail } from '../src/contracts/api';
import { summarize } from '../src/checklist/summarize';
import { vendorFormLive } from '../src/vendor-forms/live';
import { allYes, clinicDetail, institution2023, required2023, saved, vendor2023 } from './checklist-fixture';

describe('the dashboard’s summary of a saved checklist', () => {
  it('a complete checklist is ready, every required item done', () => {
    expect(summarize(clinicDetail(allYes()), institution2023)).toMatchObject({
      requiredTotal: required2023.length,
      requiredDone: required2023.length,
      open: 0,
      nextTarget: null,
      ready: true,
      blocking: 0,
      gate: 'yes',
    });
  });

  it('open いいえ items, the nearest target date first, and the overdue ones', () => {
    const answers = {
      ...allYes(),
      '2(4)@server': [saved(1, 'no', '2023-06-01', { targetDate: '2024-02-29' })],
      '2(5)@server': [saved(1, 'no', '2023-06-01', { targetDate: '2023-10-31' })],
    };
    expect(summarize(clinicDetail(answers, '2023-12-01'), institution2023)).toMatchObject({ open: 2, noWithTarget: 2, nextTarget: '2023-10-31', overdue: 1 });
  });

  it('an unanswered required item blocks and is not counted as done', () => {
    const answers = allYes();
    delete answers['2(1)'];
    expect(summarize(clinicDetail(answers), institution2023)).toMatchObject({ requiredDone: required2023.length - 1, ready: false, blocking: 1 });
  });
});

describe('the vendor form’s own panel', () => {
  const vendorRequired = ['1(1)', '2(2)', '2(3)', '2(4)@server', '2(5)@server', '2(6)@server', '2(7)@network', '2(8)@network'];
  const detail = (status: string, viewerSide: 'facility' | 'vendor', excludedItems: string[] = []) =>
    ({
      contract: { vendorName: 'カルテ社' },
      form: { fiscalYear: 2023, excludedItems, status },
      viewerSide,
      answers: Object.fromEntries(vendorRequired.filter((id) => !excludedItems.includes(id)).map((id) => [id, [saved(1, 'yes', '2023-07-01')]])),
    }) as unknown as VendorFormDetail;

  it('a complete form is ready for the vendor; items out of contract are not needed here', () => {
    const live = vendorFormLive(vendor2023, detail('in_progress', 'vendor', ['2(7)@network', '2(8)@network']), {}, '2023-12-01');
    expect(live.ready).toBe(true);
    expect(live.requiredTotal).toBe(vendorRequired.length - 2);
    expect(live.requiredDone).toBe(vendorRequired.length - 2);
  });

  it('the facility sees a returned form waiting for its acceptance as a note, not a blocking problem', () => {
    const live = vendorFormLive(vendor2023, detail('submitted', 'facility'), {}, '2023-12-01');
    expect(live.problems).toEqual([{ form: 'vendor:カルテ社', item: null, code: 'vendor-form-unreviewed', severity: 'warning' }]);
    expect(live.ready).toBe(true);
    expect(vendorFormLive(vendor2023, detail('submitted', 'vendor'), {}, '2023-12-01').problems).toEqual([]);
  });

  it('moves while the vendor types: an いいえ typed counts at once, progress stays on saved answers', () => {
    const edits = { '1(1)': { rounds: [{ value: 'no' as const, date: '2023-11-01', targetDate: '2024-03-31' }], note: '', riskAcceptance: '', versions: [1] } };
    const live = vendorFormLive(vendor2023, detail('in_progress', 'vendor'), edits, '2023-12-01');
    expect(live.noWithTarget).toBe(1);
    expect(live.requiredDone).toBe(vendorRequired.length);
  });
});

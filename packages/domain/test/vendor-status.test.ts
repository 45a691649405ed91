import { describe, expect, it } from 'vitest';
import { nextReminderAt, nextVendorFormStatus, reminderDue, vendorFormReview, type VendorFormStatus } from '../src/index.js';

describe('vendor form status', () => {
  it.each<[VendorFormStatus, Parameters<typeof nextVendorFormStatus>[1], string]>([
    ['requested', 'answer', 'in-progress'],
    ['in-progress', 'answer', 'in-progress'],
    ['queried', 'answer', 'queried'],
    ['submitted', 'answer', 'refused: form-locked'],
    ['accepted', 'answer', 'refused: form-locked'],
    ['in-progress', 'submit', 'submitted'],
    ['queried', 'submit', 'submitted'],
    ['submitted', 'submit', 'refused: form-locked'],
    ['submitted', 'accept', 'accepted'],
    ['queried', 'accept', 'refused: not-submitted'],
    ['accepted', 'accept', 'refused: already-accepted'],
    ['submitted', 'query', 'queried'],
    ['accepted', 'query', 'queried'],
    ['in-progress', 'query', 'in-progress'],
  ])('%s + %s → %s', (status, event, expected) => {
    const next = nextVendorFormStatus(status, event);
    expect(next.ok ? next.status : `refused: ${next.reason}`).toBe(expected);
  });

  it('counts returned answers as pending until accepted', () => {
    expect(['requested', 'in-progress', 'submitted', 'queried', 'accepted'].map((s) => vendorFormReview(s as VendorFormStatus))).toEqual([
      'not-returned',
      'not-returned',
      'pending',
      'pending',
      'accepted',
    ]);
  });

  it('reminds after the given days since the request, then again after as many days since the last reminder', () => {
    const requestedAt = new Date('2026-11-01T00:00:00Z');
    const at = (iso: string) => new Date(iso);
    expect(reminderDue({ status: 'requested', requestedAt, remindedAt: null, reminderDays: 14, now: at('2026-11-14T23:59:59Z') })).toBe(false);
    expect(reminderDue({ status: 'requested', requestedAt, remindedAt: null, reminderDays: 14, now: at('2026-11-15T00:00:00Z') })).toBe(true);
    expect(reminderDue({ status: 'in-progress', requestedAt, remindedAt: at('2026-11-15T00:00:00Z'), reminderDays: 14, now: at('2026-11-20T00:00:00Z') })).toBe(
      false,
    );
    expect(reminderDue({ status: 'submitted', requestedAt, remindedAt: null, reminderDays: 1, now: at('2026-12-31T00:00:00Z') })).toBe(false);
    expect(nextReminderAt({ status: 'in-progress', requestedAt, remindedAt: at('2026-11-15T00:00:00Z'), reminderDays: 14 })).toEqual(
      at('2026-11-29T00:00:00Z'),
    );
    expect(nextReminderAt({ status: 'accepted', requestedAt, remindedAt: null, reminderDays: 14 })).toBeNull();
  });
});

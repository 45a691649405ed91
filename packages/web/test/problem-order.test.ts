import { describe, expect, it } from 'vitest';
import { grouped } from '../src/checklist/problem-order';
import type { LiveProblem } from '../src/checklist/model';

const problem = (item: string | null, form = 'institution'): LiveProblem => ({ item, form, code: 'unanswered', severity: 'blocking' }) as LiveProblem;

describe('the readiness list', () => {
  it('orders items by number as the form does (2(8) before 2(9) before 2(10)), per form', () => {
    const problems = ['2(9)', '2(10)', '2(8)', '1(1)', 'gate', '2(4)@terminal', '2(4)@server'].map((id) => problem(id));
    problems.push(problem('2(2)', 'vendor:A社'), problem('1(1)', 'vendor:A社'), problem(null));
    expect(grouped(problems).map((g) => `${g.form}|${g.item}`)).toEqual([
      'institution|null',
      'institution|gate',
      'institution|1(1)',
      'institution|2(4)@server',
      'institution|2(4)@terminal',
      'institution|2(8)',
      'institution|2(9)',
      'institution|2(10)',
      'vendor:A社|1(1)',
      'vendor:A社|2(2)',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { mappingBody, mappingValues } from '../src/access-logs/column-mapping';

describe('the column mapping form', () => {
  it('sends only the headings filled in, and category words split on either comma', () => {
    const values = { ...mappingValues(null), time: ' 日時 ', user: '利用者', category: '区分' };
    values.words.login = 'ログイン、サインイン, logon';
    values.words.failure = '  ';
    expect(mappingBody(values)).toEqual({ time: '日時', user: '利用者', category: '区分', categoryWords: { login: ['ログイン', 'サインイン', 'logon'] } });
  });

  it('drops category words when no category column is named', () => {
    const values = { ...mappingValues(null), time: '日時' };
    values.words.login = 'ログイン';
    expect(mappingBody(values)).toEqual({ time: '日時' });
  });

  it('reads a saved mapping back into the form unchanged', () => {
    const saved = { time: '日時', host: '端末', category: '区分', categoryWords: { logout: ['ログアウト'], login: ['ログイン', 'サインイン'] } };
    expect(mappingBody(mappingValues(saved))).toEqual({
      time: '日時',
      host: '端末',
      category: '区分',
      categoryWords: { login: ['ログイン', 'サインイン'], logout: ['ログアウト'] },
    });
  });
});

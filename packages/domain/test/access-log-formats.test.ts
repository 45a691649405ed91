import { describe, expect, it } from 'vitest';
import { detectAccessLogFormat, parseMappedCsvRow, type ColumnMapping } from '../src/index.js';

describe('which reader a file needs, from its first line', () => {
  it.each([
    ['\uFEFFユーザーID,氏名,時刻,カテゴリ,操作情報', 'manual-csv'],
    ['キーワード,日付と時刻,ソース,イベント ID,タスクのカテゴリ', 'windows-csv'],
    ['Keywords,Date and Time,Source,Event ID,Task Category', 'windows-csv'],
    [
      '"Message","Id","Version","Qualifiers","Level","Task","Opcode","Keywords","RecordId","ProviderName","ProviderId","LogName","ProcessId","ThreadId","MachineName","UserId","TimeCreated"',
      'windows-csv',
    ],
    ['May 16 08:30:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2', 'auth-log'],
    ['2024-05-16T08:30:00.123456+09:00 emr-srv sshd[1201]: Accepted password for yamada from 192.168.1.23 port 51514 ssh2', 'auth-log'],
  ])('%s → %s', (line, format) => {
    expect(detectAccessLogFormat(line)).toBe(format);
  });

  it('another system’s CSV needs the source’s column mapping; without one it is not a log Mamori knows', () => {
    expect(detectAccessLogFormat('日時,職員番号,端末,操作')).toBeNull();
    expect(detectAccessLogFormat('日時,職員番号,端末,操作', true)).toBe('mapped-csv');
  });
});

describe('a CSV read through a saved column mapping', () => {
  const mapping: ColumnMapping = {
    time: '日時',
    user: '職員番号',
    host: '端末',
    action: '内容',
    category: '操作',
    categoryWords: { login: ['ログイン'], logout: ['ログアウト'], failure: ['認証エラー', 'パスワード誤り'] },
  };
  const row = (日時: string, 操作: string, 内容 = '') => ({ 日時, 職員番号: 'N0123', 端末: 'NS-PC-02', 操作, 内容 });

  it.each([
    [row('2024/05/16 08:30:05', 'ログイン'), 'login', 'success', '2024-05-15T23:30:05.000Z', 'ログイン'],
    [row('2024-05-16 08:31', 'パスワード誤り'), 'failure', 'failure', '2024-05-15T23:31:00.000Z', 'パスワード誤り'],
    [row('2024/05/16 09:00:00', '参照', '患者ID 000123 のカルテ'), 'operation', 'success', '2024-05-16T00:00:00.000Z', '参照: 患者ID 000123 のカルテ'],
    [row('2024-05-16T17:00:00+09:00', 'ログアウト'), 'logout', 'success', '2024-05-16T08:00:00.000Z', 'ログアウト'],
  ])('%o', (cells, category, outcome, occurredAt, action) => {
    const parsed = parseMappedCsvRow(cells, 'raw', mapping, 'Asia/Tokyo');
    expect(parsed).toEqual({ parsed: true, event: { occurredAt, host: 'NS-PC-02', user: 'N0123', category, outcome, sourceIp: null, action, raw: 'raw' } });
  });

  it('keeps a row whose time the mapping does not find or cannot read, raw', () => {
    expect(parseMappedCsvRow({ 時刻: '2024/05/16 08:30' }, 'raw', mapping, 'Asia/Tokyo')).toEqual({ parsed: false, raw: 'raw', reason: 'bad-time' });
    expect(parseMappedCsvRow(row('昨日', 'ログイン'), 'raw', mapping, 'Asia/Tokyo')).toMatchObject({ parsed: false, reason: 'bad-time' });
  });

  it('without a category column every row is an operation', () => {
    const parsed = parseMappedCsvRow(row('2024/05/16 08:30', 'ログイン', 'x'), 'raw', { time: '日時', action: '内容' }, 'UTC');
    expect(parsed).toMatchObject({ parsed: true, event: { category: 'operation', outcome: 'success', action: 'x', user: null } });
  });
});

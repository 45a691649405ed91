import { describe, expect, it } from 'vitest';
import {
  accountColumns,
  assetColumns,
  builtinHeadings,
  importReasonText,
  MAX_IMPORT_PROBLEMS,
  normalizeHeading,
  normalizeLinkValue,
  parseCell,
  parseDate,
  readLedgerRows,
  type ColumnDefinition,
  type RawCell,
} from '../src/index.js';

function column(columns: readonly ColumnDefinition[], field: string): ColumnDefinition {
  const found = columns.find((c) => c.field === field);
  if (!found) throw new Error(`no column ${field}`);
  return found;
}
const asset = (field: string) => column(assetColumns, field);
const account = (field: string) => column(accountColumns, field);

function reasonOf(result: { ok: boolean }): string {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return importReasonText((result as { ok: false; reason: Parameters<typeof importReasonText>[0] }).reason);
}

describe('normalizeHeading', () => {
  it.each([
    ['ユーザＩＤ', 'ユーザID'],
    ['IP アドレス', 'IPアドレス'],
    ['ＩＰ　アドレス', 'ipアドレス'],
    [' 管理\n番号 ', '管理番号'],
    ['\ufeff管理番号', '管理番号'],
    ['OS Version', 'osversion'],
    ['ｺﾝﾋﾟｭｰﾀ名', 'コンピュータ名'],
  ])('%j equals %j', (a, b) => {
    expect(normalizeHeading(a)).toBe(normalizeHeading(b));
  });

  it('keeps different headings apart and lower-cases', () => {
    expect(normalizeHeading('管理番号')).not.toBe(normalizeHeading('機器番号'));
    expect(normalizeHeading('User ID')).toBe('userid');
  });

  it('link values are trimmed and NFKC but keep case', () => {
    expect(normalizeLinkValue(' ００１ ')).toBe('001');
    expect(normalizeLinkValue('ABC@def')).toBe('ABC@def');
  });
});

describe('parseDate', () => {
  it.each<[string | number | Date, string]>([
    ['2020/12/1', '2020-12-01'],
    ['2020/12/01', '2020-12-01'],
    ['2020-12-01', '2020-12-01'],
    ['2020.12.1', '2020-12-01'],
    ['2020年12月1日', '2020-12-01'],
    ['2020 年 12 月 1 日', '2020-12-01'],
    ['２０２０／１２／１', '2020-12-01'],
    ['20201201', '2020-12-01'],
    ['令和2年12月1日', '2020-12-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和 元年 5月 1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成32年4月1日', '2020-04-01'],
    ['㍻31年4月30日', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['大正15年12月24日', '1926-12-24'],
    ['明治45年7月29日', '1912-07-29'],
    ['R2.12.1', '2020-12-01'],
    ['r2.12.1', '2020-12-01'],
    ['R元.5.1', '2019-05-01'],
    ['H31/4/30', '2019-04-30'],
    ['H31.4.30', '2019-04-30'],
    ['S64.1.7', '1989-01-07'],
    ['令2.12.1', '2020-12-01'],
    [44166, '2020-12-01'],
    ['44166', '2020-12-01'],
    [44166.75, '2020-12-01'],
    [61, '1900-03-01'],
    [1, '1900-01-01'],
    [20201201, '2020-12-01'],
    [new Date(Date.UTC(2020, 11, 1)), '2020-12-01'],
    [new Date(Date.UTC(2024, 1, 29, 23, 59)), '2024-02-29'],
    ['2020/12/01 0:00:00', '2020-12-01'],
    ['2020/12/1 9:30', '2020-12-01'],
    ['2020-12-01T00:00:00.000Z', '2020-12-01'],
    ['2024/2/29', '2024-02-29'],
    [' 2020/12/1 ', '2020-12-01'],
    ['2020/12/1(火)', '2020-12-01'],
    ['2020年12月1日（火曜日）', '2020-12-01'],
    ['令和2年12月1日(火)', '2020-12-01'],
    [new Date(Date.UTC(2020, 10, 30, 23, 59, 59, 999.6)), '2020-12-01'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, date: expected });
  });

  it.each<[string | number | Date, string]>([
    ['2023/2/30', '存在しない日付です（2023年2月30日）'],
    ['2023-02-29', '存在しない日付です（2023年2月29日）'],
    ['2023/13/1', '存在しない日付です（2023年13月1日）'],
    ['2023/4/31', '存在しない日付です（2023年4月31日）'],
    ['令和5年13月1日', '存在しない日付です（令和5年13月1日）'],
    ['平成0年1月1日', '存在しない日付です（平成0年1月1日）'],
    ['令和元年4月30日', '令和は2019年5月1日からです。それより前の日付は前の元号で入力してください'],
    ['2020年12月', '日付に日がありません。2025/10/14 のように日まで入力してください'],
    ['令和2年12月', '日付に日がありません。2025/10/14 のように日まで入力してください'],
    ['来年', '日付として読めません。2024/4/1 や 令和6年4月1日 のように入力してください'],
    ['20/12/1', '日付として読めません。2024/4/1 や 令和6年4月1日 のように入力してください'],
    ['192.168.1.1', '日付として読めません。2024/4/1 や 令和6年4月1日 のように入力してください'],
    [0, '日付として読めない数値です'],
    [2020, '日付に日がありません。2025/10/14 のように日まで入力してください'],
    ['2020', '日付に日がありません。2025/10/14 のように日まで入力してください'],
    [-5, '日付として読めない数値です'],
    [3_000_000, '日付として読めない数値です'],
    [60, '存在しない日付です（1900年2月29日）'],
    ['1200/1/1', '年が正しくありません（1200年）'],
    [new Date(Number.NaN), '日付として読めません。2024/4/1 や 令和6年4月1日 のように入力してください'],
  ])('%j fails: %s', (input, reason) => {
    expect(reasonOf(parseDate(input))).toBe(reason);
  });

  it('gives English reasons too', () => {
    const result = parseDate('2023/2/30');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(importReasonText(result.reason, 'en')).toBe('This date does not exist (2023-2-30)');
  });

  it('keeps no state between calls (speed is measured by npm run bench, not here)', () => {
    const inputs = ['2020/12/1', '令和2年12月1日', '44166', 'H31.4.30', '2020-12-01'];
    let ok = 0;
    for (let i = 0; i < 50_000; i++) if (parseDate(inputs[i % inputs.length]!).ok) ok++;
    expect(ok).toBe(50_000);
  });
});

describe('parseCell', () => {
  it('text is trimmed, numbers and dates become text, long text fails with the limit', () => {
    expect(parseCell(asset('maker'), '  A社 ')).toEqual({ ok: true, value: 'A社', empty: false });
    expect(parseCell(asset('managementNumber'), 1)).toEqual({ ok: true, value: '1', empty: false });
    expect(parseCell(asset('softwareVersion'), 5.01)).toEqual({ ok: true, value: '5.01', empty: false });
    expect(parseCell(asset('maker'), new Date(Date.UTC(2020, 0, 2)))).toEqual({ ok: true, value: '2020-01-02', empty: false });
    expect(reasonOf(parseCell(asset('managementNumber'), 'x'.repeat(101)))).toBe('長すぎます（101文字）。100文字以内にしてください');
  });

  it('empty cells are not given; the link column is required', () => {
    expect(parseCell(asset('maker'), '')).toEqual({ ok: true, value: '', empty: true });
    expect(parseCell(asset('maker'), '　 ')).toEqual({ ok: true, value: '', empty: true });
    expect(parseCell(asset('registeredOn'), null)).toEqual({ ok: true, value: null, empty: true });
    expect(parseCell(asset('status'), undefined)).toEqual({ ok: true, value: null, empty: true });
    expect(parseCell(asset('ipAddress'), '')).toEqual({ ok: true, value: '', empty: true });
    expect(parseCell(asset('sourceRestrictions'), '')).toEqual({ ok: true, value: null, empty: true });
    expect(reasonOf(parseCell(asset('managementNumber'), ' '))).toBe('管理番号が空です');
    expect(reasonOf(parseCell(account('loginId'), null))).toBe('ユーザIDが空です');
  });

  it('dates', () => {
    expect(parseCell(asset('registeredOn'), '令和2年12月1日')).toEqual({ ok: true, value: '2020-12-01', empty: false });
    expect(parseCell(asset('registeredOn'), 44166)).toEqual({ ok: true, value: '2020-12-01', empty: false });
    expect(reasonOf(parseCell(asset('registeredOn'), true))).toMatch(/^日付として読めません/);
  });

  describe('IP addresses', () => {
    const ip = asset('ipAddress');
    it.each([
      ['192.168.1.10', '192.168.1.10'],
      [' 10.0.0.1 ', '10.0.0.1'],
      ['192.168.001.010', '192.168.1.10'],
      ['１９２．１６８．１．１', '192.168.1.1'],
      ['192.168.1.0/24', '192.168.1.0/24'],
      ['192.168.1.10, 192.168.2.10', '192.168.1.10, 192.168.2.10'],
      ['192.168.1.10、192.168.2.10', '192.168.1.10, 192.168.2.10'],
      ['192.168.1.10\n192.168.2.10', '192.168.1.10, 192.168.2.10'],
      ['192.168.1.10 192.168.2.10,', '192.168.1.10, 192.168.2.10'],
      ['::1', '::1'],
      ['fe80::1%eth0', 'fe80::1%eth0'],
      ['2001:DB8::8:800:200C:417A', '2001:db8::8:800:200c:417a'],
      ['2001:db8:0:0:0:0:0:1', '2001:db8:0:0:0:0:0:1'],
      ['::ffff:192.168.1.1', '::ffff:192.168.1.1'],
      ['2001:db8::/32', '2001:db8::/32'],
      ['DHCP', 'DHCP'],
      ['自動取得', '自動取得'],
      ['-', ''],
      ['なし', ''],
    ])('%j → %j', (input, expected) => {
      expect(parseCell(ip, input)).toEqual({ ok: true, value: expected, empty: false });
    });

    it.each([
      ['192.168.〇.〇', '192.168.〇.〇'],
      ['192.168.1.256', '192.168.1.256'],
      ['192.168.1', '192.168.1'],
      ['192.168.1.1/33', '192.168.1.1/33'],
      ['2001:db8::1::2', '2001:db8::1::2'],
      ['1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9'],
      ['12345::1', '12345::1'],
      ['FE80::G', 'FE80::G'],
      ['10.0.0.1, 10.0.0', '10.0.0'],
      ['http://192.168.1.1', 'http://192.168.1.1'],
    ])('%j is not an IP (%s named)', (input, named) => {
      expect(reasonOf(parseCell(ip, input))).toBe(`IPアドレスの形式ではありません（${named}）。192.168.1.10 のように数字で入力してください`);
    });
  });

  it('booleans use the boolean words, width and case ignored', () => {
    const col = asset('holdsPatientData');
    for (const word of ['はい', 'あり', '有', 'YES', 'ｙｅｓ', 'True', '1', '○', '〇', '✓'])
      expect(parseCell(col, word)).toEqual({ ok: true, value: true, empty: false });
    for (const word of ['いいえ', 'なし', '無し', 'No', 'false', '0', '×', '-']) expect(parseCell(col, word)).toEqual({ ok: true, value: false, empty: false });
    expect(parseCell(col, true)).toEqual({ ok: true, value: true, empty: false });
    expect(parseCell(col, 0)).toEqual({ ok: true, value: false, empty: false });
    expect(reasonOf(parseCell(col, 'たぶん'))).toBe('「たぶん」は読めません。「はい」か「いいえ」（または あり／なし）にしてください');
  });

  it('enums accept their words, the key itself, and a note in brackets', () => {
    const status = asset('status');
    expect(parseCell(status, '稼働')).toEqual({ ok: true, value: 'active', empty: false });
    expect(parseCell(status, '停止中')).toEqual({ ok: true, value: 'stopped', empty: false });
    expect(parseCell(status, 'RETIRED')).toEqual({ ok: true, value: 'retired', empty: false });
    expect(parseCell(status, '停止（メンテナンス）')).toEqual({ ok: true, value: 'stopped', empty: false });
    expect(parseCell(asset('kind'), 'medical_device')).toEqual({ ok: true, value: 'medical_device', empty: false });
    expect(parseCell(asset('kind'), '医療機器')).toEqual({ ok: true, value: 'medical_device', empty: false });
    expect(parseCell(asset('kind'), 'ＰＣ')).toEqual({ ok: true, value: 'terminal', empty: false });
    expect(parseCell(asset('cloudModel'), 'saas')).toEqual({ ok: true, value: 'saas', empty: false });
    expect(parseCell(asset('remoteMaintenance'), '〇')).toEqual({ ok: true, value: 'yes', empty: false });
    expect(parseCell(account('scope'), '端末')).toEqual({ ok: true, value: 'terminal', empty: false });
    expect(reasonOf(parseCell(status, '稼動'))).toBe('「稼動」は使えません。次のどれかにしてください: 稼働、停止、廃棄');
    const failed = parseCell(status, '稼動');
    if (failed.ok) throw new Error('expected failure');
    expect(importReasonText(failed.reason, 'en')).toBe('"稼動" is not understood; use one of: active, stopped, retired');
  });

  it('the account status is a boolean and may carry an end month', () => {
    const enabled = account('enabled');
    expect(parseCell(enabled, '使用可')).toEqual({ ok: true, value: true, empty: false });
    expect(parseCell(enabled, '使用不可')).toEqual({ ok: true, value: false, empty: false });
    expect(parseCell(enabled, 'false')).toEqual({ ok: true, value: false, empty: false });
    expect(parseCell(enabled, true)).toEqual({ ok: true, value: true, empty: false });
    expect(parseCell(enabled, 'はい')).toEqual({ ok: true, value: true, empty: false });
    expect(parseCell(enabled, '使用可 (23年3月まで)')).toEqual({ ok: true, value: true, empty: false, impliedValidTo: '2023-03-31' });
    expect(parseCell(enabled, '使用可（2023年3月まで）')).toEqual({ ok: true, value: true, empty: false, impliedValidTo: '2023-03-31' });
    expect(parseCell(enabled, '使用可（24年2月まで）')).toEqual({ ok: true, value: true, empty: false, impliedValidTo: '2024-02-29' });
    expect(parseCell(enabled, '使用可（令和5年3月まで）')).toEqual({ ok: true, value: true, empty: false, impliedValidTo: '2023-03-31' });
    expect(parseCell(enabled, '使用可（2023/3/15まで）')).toEqual({ ok: true, value: true, empty: false, impliedValidTo: '2023-03-15' });
    expect(parseCell(enabled, '使用可（〜2023/3/15）')).toEqual({ ok: true, value: true, empty: false, impliedValidTo: '2023-03-15' });
    expect(parseCell(enabled, '使用可（研修医）')).toEqual({ ok: true, value: true, empty: false });
    expect(reasonOf(parseCell(enabled, '使用可 (23年13月まで)'))).toBe('存在しない日付です（2023年13月1日）');
  });

  it.each<[RawCell, string[] | null]>([
    ['MAC', ['mac']],
    ['MACアドレス', ['mac']],
    ['MAC アドレス制限', ['mac']],
    ['IP制限', ['ip']],
    ['IP・MAC', ['mac', 'ip']],
    ['ip, mac, region', ['mac', 'ip', 'region']],
    ['地域/IP', ['ip', 'region']],
    ['国', ['region']],
    ['IPアドレス、国', ['ip', 'region']],
    ['MAC IP', ['mac', 'ip']],
    ['MACとIP', ['mac', 'ip']],
    ['なし', []],
    ['無', []],
    ['None', []],
    ['制限なし', []],
  ])('restrictions %j → %j', (input, expected) => {
    expect(parseCell(asset('sourceRestrictions'), input)).toEqual({ ok: true, value: expected, empty: false });
  });

  it('unknown restriction words fail', () => {
    expect(reasonOf(parseCell(asset('sourceRestrictions'), 'MAC、VPN'))).toBe(
      '「vpn」は読めません。接続元制限は MAC、IP、地域 を「、」で区切って入力してください（制限がなければ「なし」）',
    );
  });
});

const manualAssetRows: RawCell[][] = [
  ['管理番号', 'メーカー', 'OS', 'ソフトウェア', 'ソフトウェアバージョン', 'IPアドレス', 'コンピュータ名', '設置場所', '利用者', '登録日', '状態', '説明'],
  ['001', 'A社', 'Win11', '〇〇電子カルテ', '2.0', '192.168.10.11', 'Room1のPC1', 'Room1', 'a医師 (〇〇科)', '2020/12/1', '稼働', ''],
  ['002', 'A社', 'Win11', '〇〇電子カルテ', '1.2', '192.168.10.12', 'Room1のPC2', 'Room1', 'b医師 (〇〇科)', '2020/12/1', '停止', 'メンテナンス'],
  ['003', 'A社', 'Win8', '〇〇電子カルテ', '2.0', '192.168.10.21', 'Room2のPC1', 'Room2', 'c医師 (△△科)', '2014/10/1', '稼働', ''],
  [
    '004',
    'B社',
    'Win11',
    '〇〇管理システム',
    '5.0.1',
    '192.168.10.31',
    'Room3のPC1',
    'Room3',
    'a医師 (〇〇科)、b医師 (〇〇科)、c医師 (△△科)',
    '2021/8/1',
    '稼働',
    '',
  ],
];

const manualAccountRows: RawCell[][] = [
  ['No.', '所属部署', '性', '名', '電話番号', 'ユーザID', '説明', '権限', '状態'],
  ['001', 'システム管理', 'abc', 'def', '****', 'abc@def', '安全管理責任者', 'Admin', '使用可'],
  ['002', 'A科', 'efg', 'hij', '****', 'efg@hij', '使用者', 'User', '使用可'],
  ['003', 'A科', 'klm', 'nop', '****', 'klm@nop', '使用者/退職予定', 'User', '使用可 (23年3月まで)'],
  ['004', 'B科', 'qrs', 'tuv', '****', 'qrs@tuv', '使用者', 'User', '使用可'],
];

describe("readLedgerRows: the manual's examples", () => {
  it('reads the 機器台帳の例', () => {
    const result = readLedgerRows({ ledger: 'assets', rows: manualAssetRows });
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(1);
    expect(result.headers.map((h) => [h.column, h.field, h.source])).toEqual([
      [1, 'managementNumber', 'builtin'],
      [2, 'maker', 'builtin'],
      [3, 'os', 'builtin'],
      [4, 'software', 'builtin'],
      [5, 'softwareVersion', 'builtin'],
      [6, 'ipAddress', 'builtin'],
      [7, 'computerName', 'builtin'],
      [8, 'location', 'builtin'],
      [9, 'users', 'builtin'],
      [10, 'registeredOn', 'builtin'],
      [11, 'status', 'builtin'],
      [12, 'description', 'builtin'],
    ]);
    expect(result.records).toHaveLength(4);
    expect(result.records[0]).toEqual({
      row: 2,
      fields: {
        managementNumber: '001',
        maker: 'A社',
        os: 'Win11',
        software: '〇〇電子カルテ',
        softwareVersion: '2.0',
        ipAddress: '192.168.10.11',
        computerName: 'Room1のPC1',
        location: 'Room1',
        users: 'a医師 (〇〇科)',
        registeredOn: '2020-12-01',
        status: 'active',
        description: '',
      },
    });
    expect(result.records[1]!.fields.status).toBe('stopped');
    expect(result.records[1]!.fields.description).toBe('メンテナンス');
    expect(result.records[2]!.fields.registeredOn).toBe('2014-10-01');
    expect(result.records[3]!.row).toBe(5);
    expect(result.records[3]!.fields.users).toBe('a医師 (〇〇科)、b医師 (〇〇科)、c医師 (△△科)');
    expect(result.records[3]!.fields.softwareVersion).toBe('5.0.1');
    // Fields the file does not have are not touched.
    expect('kind' in result.records[0]!.fields).toBe(false);
    expect('remoteMaintenance' in result.records[0]!.fields).toBe(false);
  });

  it('reads the 利用者ID台帳の例 with the No. column and 性', () => {
    const result = readLedgerRows({ ledger: 'accounts', rows: manualAccountRows });
    expect(result.problems).toEqual([]);
    expect(result.headers[0]).toEqual({ column: 1, header: 'No.', field: null, source: 'unmapped' });
    expect(result.headers.slice(1).map((h) => h.field)).toEqual([
      'department',
      'familyName',
      'givenName',
      'phone',
      'loginId',
      'description',
      'role',
      'enabled',
    ]);
    expect(result.records.map((r) => r.fields.loginId)).toEqual(['abc@def', 'efg@hij', 'klm@nop', 'qrs@tuv']);
    expect(result.records[0]).toEqual({
      row: 2,
      fields: {
        department: 'システム管理',
        familyName: 'abc',
        givenName: 'def',
        phone: '****',
        loginId: 'abc@def',
        description: '安全管理責任者',
        role: 'Admin',
        enabled: true,
      },
    });
    expect(result.records[2]!.fields).toMatchObject({ enabled: true, validTo: '2023-03-31', description: '使用者/退職予定' });
    expect('validTo' in result.records[1]!.fields).toBe(false);
  });
});

describe('readLedgerRows: headings', () => {
  it('finds the heading row under a title row and reports real row numbers', () => {
    const rows: RawCell[][] = [
      ['機器台帳 2024年4月1日現在', null, null],
      [],
      ['', '', ''],
      ['管理番号', 'ＩＰ　アドレス', '状態'],
      ['A-1', '10.0.0.1', '稼働'],
      [null, null, null],
      ['A-2', '10.0.0.x', '停止'],
    ];
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.headerRow).toBe(4);
    expect(result.records.map((r) => r.row)).toEqual([5, 7]);
    expect(result.problems).toEqual([
      {
        row: 7,
        column: 'ＩＰ　アドレス',
        value: '10.0.0.x',
        reason: 'IPアドレスの形式ではありません（10.0.0.x）。192.168.1.10 のように数字で入力してください',
      },
    ]);
    expect(result.records[1]!.fields).toEqual({ managementNumber: 'A-2', status: 'stopped' });
  });

  it('a row with only the link heading counts as the heading row', () => {
    const result = readLedgerRows({ ledger: 'accounts', rows: [['職員一覧'], ['ログインID', '備考欄'], ['u1', 'x']] });
    expect(result.headerRow).toBe(2);
    expect(result.records).toEqual([{ row: 3, fields: { loginId: 'u1' } }]);
    expect(result.headers[1]).toEqual({ column: 2, header: '備考欄', field: null, source: 'unmapped' });
  });

  it('no known heading: one problem listing the headings found', () => {
    const result = readLedgerRows({
      ledger: 'assets',
      rows: [
        ['番号', '品名', '数量'],
        ['1', 'マウス', '3'],
      ],
    });
    expect(result.headerRow).toBe(1);
    expect(result.records).toEqual([]);
    expect(result.headers.map((h) => h.source)).toEqual(['unmapped', 'unmapped', 'unmapped']);
    expect(result.problems).toEqual([
      {
        row: 1,
        column: null,
        value: '',
        reason: '見出し行に Mamori が知っている列がありません（見つかった見出し: 「番号」、「品名」、「数量」）。列の対応付けを指定してください',
      },
    ]);
    const en = readLedgerRows({ ledger: 'assets', rows: [['番号']], locale: 'en' });
    expect(en.problems[0]!.reason).toBe('The heading row has no column Mamori knows (headings found: "番号"). Choose what each column means');
  });

  it('an empty file', () => {
    const result = readLedgerRows({ ledger: 'assets', rows: [[], ['', null]] });
    expect(result).toEqual({
      headerRow: null,
      headers: [],
      records: [],
      problems: [{ row: null, column: null, value: '', reason: 'ファイルに見出しも行もありません' }],
    });
  });

  it('the link column missing is a problem; other cells are still read', () => {
    const result = readLedgerRows({
      ledger: 'assets',
      rows: [
        ['メーカー', 'OS'],
        ['A社', 'Win11'],
        ['B社', ''],
      ],
    });
    expect(result.problems).toEqual([{ row: 1, column: null, value: '', reason: '「管理番号」の列がありません。どの列が管理番号かを指定してください' }]);
    expect(result.records).toEqual([
      { row: 2, fields: { maker: 'A社', os: 'Win11' } },
      { row: 3, fields: { maker: 'B社', os: '' } },
    ]);
  });

  it('mapping precedence: chosen > saved > builtin; ignore ignores', () => {
    const rows: RawCell[][] = [
      ['番号', 'メーカー', '備考', 'OS', '場所'],
      ['7', 'A社', 'メモ', 'Win11', '受付'],
    ];
    const result = readLedgerRows({
      ledger: 'assets',
      rows,
      saved: { 番号: 'managementNumber', メーカー: 'vendor', 備考: 'riskAcceptance', 場所: 'location' },
      chosen: { 'メーカー ': 'maker', ＯＳ: 'ignore', 備考: 'description' },
    });
    expect(result.problems).toEqual([]);
    expect(result.headers.map((h) => [h.header, h.field, h.source])).toEqual([
      ['番号', 'managementNumber', 'saved'],
      ['メーカー', 'maker', 'chosen'],
      ['備考', 'description', 'chosen'],
      ['OS', null, 'ignored'],
      ['場所', 'location', 'saved'],
    ]);
    expect(result.records).toEqual([{ row: 2, fields: { managementNumber: '7', maker: 'A社', description: 'メモ', location: '受付' } }]);
  });

  it('a saved "ignore" beats the builtin meaning', () => {
    const result = readLedgerRows({
      ledger: 'assets',
      rows: [
        ['管理番号', '説明'],
        ['1', 'x'],
      ],
      saved: { 説明: 'ignore' },
    });
    expect(result.headers[1]).toEqual({ column: 2, header: '説明', field: null, source: 'ignored' });
    expect(result.records).toEqual([{ row: 2, fields: { managementNumber: '1' } }]);
  });

  it('a chosen field the ledger lacks is a problem', () => {
    const result = readLedgerRows({
      ledger: 'accounts',
      rows: [
        ['ユーザID', '種別'],
        ['u1', 'PC'],
      ],
      chosen: { 種別: 'kind' },
    });
    expect(result.problems).toEqual([{ row: 1, column: '種別', value: '種別', reason: '見出し「種別」の対応先「kind」はこの台帳にない項目です' }]);
    expect(result.headers[1]!.source).toBe('unmapped');
  });

  it('two headings for one field: a problem naming both; the first column is read', () => {
    const result = readLedgerRows({
      ledger: 'assets',
      rows: [
        ['管理番号', '備考', '説明'],
        ['1', 'first', 'second'],
      ],
    });
    expect(result.problems).toEqual([
      {
        row: 1,
        column: '説明',
        value: '説明',
        reason: '「備考」、「説明」 の列がどちらも「説明」として読まれます。どちらか一方を「取り込まない」にしてください',
      },
    ]);
    expect(result.records[0]!.fields).toEqual({ managementNumber: '1', description: 'first' });
    const three = readLedgerRows({ ledger: 'assets', rows: [['管理番号', '備考', '説明', 'メモ']] });
    expect(three.problems.map((p) => p.reason)).toEqual([
      '「備考」、「説明」、「メモ」 の列がいずれも「説明」として読まれます。1つを残してほかは「取り込まない」にしてください',
    ]);
  });

  it('the built-in headings of each ledger do not collide', () => {
    for (const ledger of ['assets', 'accounts'] as const) {
      const columns = ledger === 'assets' ? assetColumns : accountColumns;
      const headings = builtinHeadings(ledger);
      for (const c of columns) {
        for (const h of [c.header.ja, c.header.en, c.field, ...c.synonyms])
          expect([ledger, h, headings.get(normalizeHeading(h))]).toEqual([ledger, h, c.field]);
      }
    }
  });
});

describe('readLedgerRows: rows', () => {
  it('collects every problem with row, heading and raw value', () => {
    const rows: RawCell[][] = [
      ['管理番号', '登録日', 'IPアドレス', '状態', '患者情報'],
      ['001', '2023/2/30', '192.168.〇.〇', '稼動', 'たぶん'],
      ['', '2020/1/1', '', '', ''],
      ['002', 44166, '10.0.0.2', '', 'はい'],
    ];
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toEqual([
      { row: 2, column: '登録日', value: '2023/2/30', reason: '存在しない日付です（2023年2月30日）' },
      {
        row: 2,
        column: 'IPアドレス',
        value: '192.168.〇.〇',
        reason: 'IPアドレスの形式ではありません（192.168.〇.〇）。192.168.1.10 のように数字で入力してください',
      },
      { row: 2, column: '状態', value: '稼動', reason: '「稼動」は使えません。次のどれかにしてください: 稼働、停止、廃棄' },
      { row: 2, column: '患者情報', value: 'たぶん', reason: '「たぶん」は読めません。「はい」か「いいえ」（または あり／なし）にしてください' },
      { row: 3, column: '管理番号', value: '', reason: '管理番号が空です' },
    ]);
    // An empty status is "not given" (the default stays), an empty nullable boolean is null.
    expect(result.records[2]).toEqual({
      row: 4,
      fields: { managementNumber: '002', registeredOn: '2020-12-01', ipAddress: '10.0.0.2', holdsPatientData: true },
    });
    expect(result.records[1]).toEqual({ row: 3, fields: { registeredOn: '2020-01-01', ipAddress: '', holdsPatientData: null } });
  });

  it('rows where only unmapped columns have values are skipped (pre-numbered templates)', () => {
    const rows: RawCell[][] = [...manualAccountRows, ['005', '', '', '', '', '', '', '', ''], ['006']];
    const result = readLedgerRows({ ledger: 'accounts', rows });
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(4);
  });

  it('duplicate 管理番号 (after trim and NFKC) names the earlier row', () => {
    const rows: RawCell[][] = [
      ['管理番号', 'メーカー'],
      ['001', 'A'],
      ['002', 'B'],
      [' ００１', 'C'],
      ['001', 'D'],
    ];
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toEqual([
      { row: 4, column: '管理番号', value: ' ００１', reason: '管理番号「００１」が 2 行目と重複しています' },
      { row: 5, column: '管理番号', value: '001', reason: '管理番号「001」が 2 行目と重複しています' },
    ]);
    const en = readLedgerRows({ ledger: 'assets', rows, locale: 'en' });
    expect(en.problems[1]!.reason).toBe('Asset number "001" is also on row 2');
  });

  it('the same user id on two systems is fine; on one system it is a duplicate', () => {
    const rows: RawCell[][] = [
      ['ユーザID', 'システム', '状態'],
      ['yamada', '電子カルテ', '使用可'],
      ['yamada', 'レセコン', '使用可'],
      ['yamada', '電子カルテ', '無効'],
    ];
    const result = readLedgerRows({ ledger: 'accounts', rows });
    expect(result.problems).toEqual([
      { row: 4, column: 'ユーザID', value: 'yamada', reason: 'ユーザID「yamada」（システム「電子カルテ」）が 2 行目と重複しています' },
    ]);
    expect(result.records[2]!.fields).toEqual({ loginId: 'yamada', system: '電子カルテ', enabled: false });
  });

  it('implied validTo only when the file gives none for the row', () => {
    const rows: RawCell[][] = [
      ['ユーザID', '状態', '有効期限'],
      ['a', '使用可 (23年3月まで)', ''],
      ['b', '使用可 (23年3月まで)', '2023/1/31'],
      ['c', '使用可 (23年3月まで)', '2023/2/30'],
      ['d', '使用可', ''],
    ];
    const result = readLedgerRows({ ledger: 'accounts', rows });
    expect(result.records.map((r) => [r.fields.loginId, r.fields.validTo])).toEqual([
      ['a', '2023-03-31'],
      ['b', '2023-01-31'],
      ['c', undefined],
      ['d', null],
    ]);
    expect(result.problems).toEqual([{ row: 4, column: '有効期限', value: '2023/2/30', reason: '存在しない日付です（2023年2月30日）' }]);
  });

  it('caps problems at 1000 plus one summary', () => {
    const rows: RawCell[][] = [['管理番号', '登録日', 'IPアドレス']];
    for (let i = 0; i < 600; i++) rows.push([`n${i}`, 'きのう', 'x']);
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toHaveLength(MAX_IMPORT_PROBLEMS + 1);
    expect(result.problems[999]).toMatchObject({ row: 501, column: 'IPアドレス' });
    expect(result.problems[1000]).toEqual({
      row: null,
      column: null,
      value: '',
      reason: 'ほかにも 200 件の問題があります。上の問題を直してからもう一度取り込んでください',
    });
    expect(result.records).toHaveLength(600);
  });

  it('Excel-typed cells: number 管理番号, Date cells, booleans', () => {
    const rows: RawCell[][] = [
      ['管理番号', '登録日', '患者情報', 'リモートメンテナンス', '機器区分'],
      [1, new Date(Date.UTC(2020, 11, 1)), true, 'あり', 'サーバー'],
    ];
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toEqual([]);
    expect(result.records[0]!.fields).toEqual({
      managementNumber: '1',
      registeredOn: '2020-12-01',
      holdsPatientData: true,
      remoteMaintenance: 'yes',
      kind: 'server',
    });
  });

  it('reads 50,000 rows × 12 columns, every one', () => {
    const rows: RawCell[][] = [manualAssetRows[0]!];
    for (let i = 0; i < 50_000; i++) {
      rows.push([
        String(i).padStart(6, '0'),
        'A社',
        'Win11',
        '電子カルテ',
        '2.0',
        `10.0.${i % 250}.${(i % 200) + 1}`,
        `PC${i}`,
        '診察室',
        'a医師',
        i % 2 ? '2020/12/1' : '令和2年12月1日',
        i % 3 ? '稼働' : '停止',
        '',
      ]);
    }
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(50_000);
    expect(result.records[49_999]!.fields.registeredOn).toBe('2020-12-01');
  });

  it("reads back the apostrophe Mamori's export puts before a formula-like cell", () => {
    const result = readLedgerRows({
      ledger: 'assets',
      rows: [
        ['管理番号', '説明'],
        ['001', '\'=HYPERLINK("x")'],
        ['002', "'普通の引用"],
      ],
    });
    expect(result.records.map((r) => r.fields.description)).toEqual(['=HYPERLINK("x")', "'普通の引用"]);
  });
});

describe('readLedgerRows: 氏名, 職種 and 型番 (issue 13)', () => {
  it('reads 氏名 in one column into 性 and 名, split on the first space or kept whole', () => {
    const result = readLedgerRows({
      ledger: 'accounts',
      rows: [
        ['ユーザID', '氏名', '職種', '権限'],
        ['yamada', '山田 太郎', '医師', 'Admin'],
        ['sato', '佐藤\u3000花子', '看護師', 'User'],
        ['lee', 'リー', '事務', 'User'],
        ['nobody', '', '', 'User'],
      ],
    });
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.fields.familyName, r.fields.givenName, r.fields.jobType])).toEqual([
      ['山田', '太郎', '医師'],
      ['佐藤', '花子', '看護師'],
      ['リー', '', '事務'],
      [undefined, undefined, ''],
    ]);
    expect(result.records.every((r) => !('fullName' in r.fields))).toBe(true);
  });

  it('separate 性 and 名 columns win over 氏名', () => {
    const result = readLedgerRows({
      ledger: 'accounts',
      rows: [
        ['ユーザID', '氏名', '性', '名'],
        ['x', '山田 太郎', '山本', ''],
      ],
    });
    expect(result.records[0]!.fields).toMatchObject({ familyName: '山本', givenName: '太郎' });
  });

  it('reads 型番, 更新状況 and 外部接続 of an asset', () => {
    const result = readLedgerRows({
      ledger: 'assets',
      rows: [
        ['管理番号', '型番', '機器区分', '更新状況', '外部接続'],
        ['RT-1', 'FG-60F', 'ルータ', '未適用', 'あり'],
      ],
    });
    expect(result.problems).toEqual([]);
    expect(result.records[0]!.fields).toMatchObject({ modelNumber: 'FG-60F', kind: 'network', updateStatus: 'pending', externalConnection: 'yes' });
  });
});

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerRows } from '@mamori/domain';
import { readSpreadsheet } from '../src/ledgers/read-file.js';
import { SpreadsheetError } from '../src/ledgers/spreadsheet-error.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'ledgers');
const fixture = (name: string) => readFileSync(join(fixtures, name));

async function rejection(content: Buffer): Promise<SpreadsheetError> {
  try {
    await readSpreadsheet(content);
  } catch (error) {
    if (error instanceof SpreadsheetError) return error;
    throw error;
  }
  throw new Error('expected a SpreadsheetError');
}

describe('readSpreadsheet: fixtures', () => {
  it('assets-sjis.csv: Shift_JIS (CP932) with CRLF, ～ and ①, quoted comma and line break', async () => {
    const content = fixture('assets-sjis.csv');
    expect(new TextDecoder('utf-8', { fatal: false }).decode(content)).toContain('\ufffd');
    const { encoding, rows } = await readSpreadsheet(content);
    expect(encoding).toBe('shift_jis');
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual([
      '管理番号',
      'メーカー',
      'OS',
      'ソフトウェア',
      'ソフトウェアバージョン',
      'IPアドレス',
      'コンピュータ名',
      '設置場所',
      '利用者',
      '登録日',
      '状態',
      '説明',
    ]);
    expect(rows[5]).toEqual([
      '005',
      'C社',
      'Win10',
      '画像ビューア①',
      '3.1',
      '192.168.10.41',
      '読影室PC①',
      '読影室',
      '放射線科',
      '2022/4/1',
      '稼働',
      '保守契約 2023年4月～2028年3月',
    ]);
    expect(rows[6]![7]).toBe('受付, 待合');
    expect(rows[6]![11]).toBe('廃棄済み\r\nデータ消去証明あり');

    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(1);
    expect(result.records.map((r) => [r.row, r.fields.managementNumber, r.fields.registeredOn, r.fields.status])).toEqual([
      [2, '001', '2020-12-01', 'active'],
      [3, '002', '2020-12-01', 'stopped'],
      [4, '003', '2014-10-01', 'active'],
      [5, '004', '2021-08-01', 'active'],
      [6, '005', '2022-04-01', 'active'],
      [7, '006', '2023-01-10', 'retired'],
    ]);
    expect(result.records[0]!.fields).toEqual({
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
    });
    expect(result.records[3]!.fields.users).toBe('a医師 (〇〇科)、b医師 (〇〇科)、c医師 (△△科)');
    expect(result.records[5]!.fields.os).toBe('');
  });

  it('accounts-excel-bom.csv: UTF-8 with BOM, No. column, 性, 使用可 (23年3月まで)', async () => {
    const { encoding, rows } = await readSpreadsheet(fixture('accounts-excel-bom.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(rows[0]![0]).toBe('No.');
    expect(rows).toHaveLength(6);
    const result = readLedgerRows({ ledger: 'accounts', rows });
    expect(result.problems).toEqual([]);
    expect(result.headers.map((h) => [h.header, h.field, h.source])).toEqual([
      ['No.', null, 'unmapped'],
      ['所属部署', 'department', 'builtin'],
      ['性', 'familyName', 'builtin'],
      ['名', 'givenName', 'builtin'],
      ['電話番号', 'phone', 'builtin'],
      ['ユーザID', 'loginId', 'builtin'],
      ['説明', 'description', 'builtin'],
      ['権限', 'role', 'builtin'],
      ['状態', 'enabled', 'builtin'],
    ]);
    // Row 6 has only its No. filled in: a pre-numbered empty line of the template, skipped.
    expect(result.records.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(result.records[0]!.fields).toEqual({
      department: 'システム管理',
      familyName: '山田',
      givenName: '太郎',
      phone: '内線101',
      loginId: 'yamada@clinic',
      description: '安全管理責任者',
      role: 'Admin',
      enabled: true,
    });
    expect(result.records[2]!.fields).toMatchObject({ loginId: 'suzuki@clinic', enabled: true, validTo: '2023-03-31' });
    expect(result.records[3]!.fields).toMatchObject({ familyName: '髙橋', description: '使用者, 非常勤', enabled: false });
  });

  it('assets.xlsx: title row, Date cells, number 管理番号, rich text, hyperlink, formula, extra columns', async () => {
    const { encoding, rows } = await readSpreadsheet(fixture('assets.xlsx'));
    expect(encoding).toBe('xlsx');
    // The merged title counts once; row 2 is empty; the headings are on row 3.
    expect(rows[0]![0]).toBe('機器台帳　2024年4月1日現在');
    expect(rows[0]!.slice(1).every((cell) => cell === null)).toBe(true);
    expect(rows[1]).toEqual([]);
    expect(rows[3]![0]).toBe(1);
    expect(rows[3]![9]).toEqual(new Date(Date.UTC(2020, 11, 1)));
    expect(rows).toHaveLength(7);

    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(3);
    expect(result.headers.slice(-2)).toEqual([
      { column: 13, header: '機器区分', field: 'kind', source: 'builtin' },
      { column: 14, header: 'リモートメンテナンス', field: 'remoteMaintenance', source: 'builtin' },
    ]);
    expect(
      result.records.map((r) => [
        r.row,
        r.fields.managementNumber,
        r.fields.registeredOn,
        r.fields.kind,
        r.fields.remoteMaintenance,
        r.fields.status,
        r.fields.description,
      ]),
    ).toEqual([
      [4, '1', '2020-12-01', 'server', 'yes', 'active', ''],
      [5, '2', '2021-04-01', 'terminal', 'no', 'active', '電子カルテ端末'],
      [6, '3', '2019-04-30', 'medical_device', 'yes', 'stopped', '取扱説明書'],
      [7, '004', '2022-10-03', 'network', 'unknown', 'active', '保守 C社'],
    ]);
  });

  it('assets-mixed-dates.csv: every way of writing 2020-12-01', async () => {
    const { encoding, rows } = await readSpreadsheet(fixture('assets-mixed-dates.csv'));
    expect(encoding).toBe('utf-8');
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.fields.managementNumber, r.fields.registeredOn, r.fields.lastPatchedOn])).toEqual([
      ['D-1', '2020-12-01', '2024-04-01'],
      ['D-2', '2020-12-01', '2024-04-01'],
      ['D-3', '2020-12-01', '2024-04-01'],
      ['D-4', '2020-12-01', '2024-04-01'],
      ['D-5', '2019-04-30', '2019-04-30'],
    ]);
  });

  it('assets-bad-rows.csv: every problem with its row and column', async () => {
    const { rows } = await readSpreadsheet(fixture('assets-bad-rows.csv'));
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.problems).toEqual([
      { row: 2, column: '登録日', value: '2023/2/30', reason: '存在しない日付です（2023年2月30日）' },
      {
        row: 3,
        column: 'IPアドレス',
        value: '192.168.〇.〇',
        reason: 'IPアドレスの形式ではありません（192.168.〇.〇）。192.168.1.10 のように数字で入力してください',
      },
      { row: 4, column: '管理番号', value: 'B-1', reason: '管理番号「B-1」が 2 行目と重複しています' },
      { row: 5, column: '管理番号', value: '', reason: '管理番号が空です' },
      { row: 6, column: '状態', value: '故障中', reason: '「故障中」は使えません。次のどれかにしてください: 稼働、停止、廃棄' },
    ]);
    // An empty 状態 leaves the status alone.
    expect(result.records.at(-1)).toEqual({
      row: 7,
      fields: { managementNumber: 'B-6', computerName: '院長PC', ipAddress: '192.168.1.15', registeredOn: '2023-04-01' },
    });
    const en = readLedgerRows({ ledger: 'assets', rows, locale: 'en' });
    expect(en.problems[3]).toEqual({ row: 5, column: '管理番号', value: '', reason: 'Asset number is empty' });
  });

  it('headings-unknown.csv: one problem naming the headings found', async () => {
    const { rows } = await readSpreadsheet(fixture('headings-unknown.csv'));
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([
      {
        row: 1,
        column: null,
        value: '',
        reason: '見出し行に Mamori が知っている列がありません（見つかった見出し: 「品番」、「品名」、「数量」、「単価」）。列の対応付けを指定してください',
      },
    ]);
    // With the user's choices the same file reads.
    const chosen = readLedgerRows({ ledger: 'assets', rows, chosen: { 品番: 'managementNumber', 品名: 'computerName', 数量: 'ignore', 単価: 'ignore' } });
    expect(chosen.problems).toEqual([]);
    expect(chosen.records.map((r) => r.fields)).toEqual([
      { managementNumber: 'M-1', computerName: 'マウス' },
      { managementNumber: 'K-1', computerName: 'キーボード' },
    ]);
  });

  it('garbage.bin is rejected: the encoding cannot be recognised', async () => {
    const error = await rejection(fixture('garbage.bin'));
    expect(error.code).toBe('encoding');
    expect(error.reason).toBe('文字コードを判別できません。Excel で「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」で保存し直してください');
    expect(error.reasonEn).toMatch(/^The character encoding cannot be recognised/);
  });
});

describe('readSpreadsheet: other files', () => {
  it('rejects legacy .xls (OLE) files', async () => {
    const error = await rejection(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    expect(error.code).toBe('xls');
    expect(error.reason).toContain('古い形式の Excel ファイル（.xls）');
    expect(error.reason).toContain('.xlsx');
  });

  it('rejects UTF-16 ("Unicode テキスト"), with or without BOM', async () => {
    const text = '管理番号\tメーカー\r\n001\tA社\r\n';
    const le = await rejection(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(le.code).toBe('utf16');
    expect(le.reason).toBe(
      '「Unicode テキスト」（UTF-16）の形式は読めません。Excel で「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」で保存し直してください',
    );
    const noBom = await rejection(Buffer.from(text, 'utf16le'));
    expect(noBom.code).toBe('encoding');
  });

  it('rejects empty files and other zips', async () => {
    expect((await rejection(Buffer.alloc(0))).reason).toBe('ファイルが空です');
    expect((await rejection(Buffer.from('\ufeff\r\n  \r\n', 'utf8'))).reason).toBe('ファイルが空です');
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('not really a zip file at all')]);
    expect((await rejection(zip)).code).toBe('not_spreadsheet');
  });

  it('rejects a CSV whose quote never closes, naming the line', async () => {
    const error = await rejection(Buffer.from('管理番号,説明\n1,"閉じていない\n2,x\n', 'utf8'));
    expect(error.code).toBe('csv_syntax');
    expect(error.reason).toMatch(/^CSV の \d+ 行目を読めません/);
  });

  it('reads tab-separated text, keeps empty lines as rows and drops trailing ones', async () => {
    const { encoding, rows } = await readSpreadsheet(Buffer.from('管理番号\tメーカー\n\n001\t"A, B"\n002\n\n\n', 'utf8'));
    expect(encoding).toBe('utf-8');
    expect(rows).toEqual([['管理番号', 'メーカー'], [''], ['001', 'A, B'], ['002']]);
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.records.map((r) => [r.row, r.fields])).toEqual([
      [3, { managementNumber: '001', maker: 'A, B' }],
      // A short line: the missing cells are empty, like empty cells.
      [4, { managementNumber: '002', maker: '' }],
    ]);
  });

  it('reads plain UTF-8 without BOM and tolerates a stray quote inside a field', async () => {
    const { encoding, rows } = await readSpreadsheet(Buffer.from('管理番号,説明\r\n1,21" モニタ\r\n', 'utf8'));
    expect(encoding).toBe('utf-8');
    expect(rows).toEqual([
      ['管理番号', '説明'],
      ['1', '21" モニタ'],
    ]);
  });

  it('reads the first visible worksheet; a value merged down belongs to each row', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('マスタ', { state: 'hidden' });
    hidden.getCell('A1').value = '選択肢';
    const sheet = workbook.addWorksheet('台帳');
    sheet.getRow(1).values = ['管理番号', '設置場所', '', 'IPアドレス'];
    sheet.mergeCells('B1:C1');
    sheet.getRow(2).values = ['A-1', '診察室', '', '10.0.0.1'];
    sheet.getRow(3).values = ['A-2', null, null, '10.0.0.2'];
    sheet.mergeCells('B2:B3');
    sheet.getCell('A5').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    const { rows } = await readSpreadsheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows[0]).toEqual(['管理番号', '設置場所', null, 'IPアドレス']);
    expect(rows[2]).toEqual(['A-2', '診察室', null, '10.0.0.2']);
    expect(rows[3]).toEqual([]);
    expect(rows[4]).toEqual(['#N/A']);
    const result = readLedgerRows({ ledger: 'assets', rows });
    expect(result.records.map((r) => r.fields.location)).toEqual(['診察室', '診察室', '']);
  });
});

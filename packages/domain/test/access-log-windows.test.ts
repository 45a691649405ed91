import { describe, expect, it } from 'vitest';
import { parseWindowsSecurityRow, type ParsedLine } from '../src/index.js';

const event = (line: ParsedLine) => {
  if (!line.parsed) throw new Error(`not parsed: ${line.raw} (${line.reason})`);
  return line.event;
};

/** Event Viewer on Japanese Windows: the description is the unnamed sixth column, passed as Message. */
const japanese4624 = `アカウントが正常にログオンしました。

サブジェクト:
	セキュリティ ID:		SYSTEM
	アカウント名:		EMR-SRV$
	アカウント ドメイン:		CLINIC

ログオン情報:
	ログオン タイプ:		3

新しいログオン:
	セキュリティ ID:		CLINIC\\yamada
	アカウント名:		yamada
	アカウント ドメイン:		CLINIC

ネットワーク情報:
	ワークステーション名:	UKETSUKE-PC
	ソース ネットワーク アドレス:	192.168.1.23
	ソース ポート:		51514`;

const english4625 = `An account failed to log on.

Subject:
	Security ID:		NULL SID
	Account Name:		-

Account For Which Logon Failed:
	Security ID:		NULL SID
	Account Name:		administrator
	Account Domain:		CLINIC

Network Information:
	Workstation Name:	-
	Source Network Address:	203.0.113.9
	Source Port:		0`;

describe('Windows Security events exported as CSV', () => {
  it('reads Event Viewer’s Japanese export: 4624 in local time, the new logon’s account and address', () => {
    const row = {
      キーワード: '成功の監査',
      日付と時刻: '2024/05/16 8:30:00',
      ソース: 'Microsoft-Windows-Security-Auditing',
      'イベント ID': '4624',
      タスクのカテゴリ: 'Logon',
      Message: japanese4624,
    };
    expect(event(parseWindowsSecurityRow(row, 'raw', 'Asia/Tokyo'))).toEqual({
      occurredAt: '2024-05-15T23:30:00.000Z',
      host: null,
      user: 'yamada',
      category: 'login',
      outcome: 'success',
      sourceIp: '192.168.1.23',
      action: '4624 logon',
      raw: 'raw',
    });
  });

  it('reads Event Viewer’s English export with a 12-hour clock: 4625 names the account that failed', () => {
    const row = {
      Keywords: 'Audit Failure',
      'Date and Time': '5/16/2024 11:05:07 PM',
      Source: 'Microsoft-Windows-Security-Auditing',
      'Event ID': '4625',
      'Task Category': 'Logon',
      Message: english4625,
    };
    expect(event(parseWindowsSecurityRow(row, 'raw', 'Asia/Tokyo'))).toMatchObject({
      occurredAt: '2024-05-16T14:05:07.000Z',
      user: 'administrator',
      category: 'failure',
      outcome: 'failure',
      sourceIp: '203.0.113.9',
    });
  });

  it('reads PowerShell’s Export-Csv (Id, TimeCreated, MachineName, Message)', () => {
    const row = {
      Message: 'A user account was disabled.\n\nSubject:\n\tAccount Name:\t\tsato-admin\n\nTarget Account:\n\tAccount Name:\t\ttanaka',
      Id: '4725',
      TimeCreated: '2024-05-16T09:00:00.0000000+09:00',
      MachineName: 'EMR-SRV.clinic.local',
    };
    expect(event(parseWindowsSecurityRow(row, 'raw', 'UTC'))).toMatchObject({
      occurredAt: '2024-05-16T00:00:00.000Z',
      host: 'EMR-SRV.clinic.local',
      user: 'tanaka',
      category: 'account_change',
      action: '4725 account disabled',
      sourceIp: null,
    });
  });

  it.each([
    ['4634', 'logout'],
    ['4647', 'logout'],
    ['4720', 'account_change'],
    ['4722', 'account_change'],
    ['4726', 'account_change'],
    ['4740', 'failure'],
  ])('event %s is %s', (id, category) => {
    expect(event(parseWindowsSecurityRow({ Id: id, TimeCreated: '2024-05-16 09:00:00', Message: 'Account Name: bob' }, 'raw', 'Asia/Tokyo')).category).toBe(
      category,
    );
  });

  it('keeps other events and unreadable times raw', () => {
    expect(parseWindowsSecurityRow({ Id: '4688', TimeCreated: '2024-05-16 09:00:00', Message: '' }, 'raw 4688', 'Asia/Tokyo')).toEqual({
      parsed: false,
      raw: 'raw 4688',
      reason: 'unrecognized',
    });
    expect(parseWindowsSecurityRow({ Id: '4624', TimeCreated: '16 May 2024', Message: '' }, 'raw', 'Asia/Tokyo')).toMatchObject({
      parsed: false,
      reason: 'bad-time',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  accountDefaults,
  assetDefaults,
  builtInEndOfLife,
  computeFindings,
  defaultFindingThresholds,
  findingForItem,
  findingTopics,
  itemIdsForFinding,
  type AccountFields,
  type AssetFields,
  type DeviceScope,
  type Finding,
  type FindingTopic,
  type LedgerFacts,
} from '../src/index.js';
import { catalog } from './catalog-fixture.js';

/*
 * asOf 2024-06-30 with the default thresholds gives these cut-offs (a date exactly at the cut-off is still fine):
 *   patches 90 days      → 2024-04-01      unused accounts 90 days → 2024-04-01
 *   ledger 12 months     → 2023-06-30      services 12 months      → 2023-06-30
 */
const AS_OF = '2024-06-30';

type Asset = AssetFields & { id: string };
type Account = AccountFields & { id: string };

let seq = 0;
function asset(fields: Partial<AssetFields> = {}): Asset {
  seq++;
  return {
    ...assetDefaults,
    managementNumber: String(seq).padStart(3, '0'),
    kind: 'terminal',
    remoteMaintenance: 'no',
    lastPatchedOn: '2024-06-01',
    updateStatus: 'latest',
    servicesReviewedOn: '2024-01-01',
    os: 'Windows 11 Pro 24H2',
    ...fields,
    id: `asset-${seq}`,
  };
}

function account(fields: Partial<AccountFields> = {}): Account {
  seq++;
  return { ...accountDefaults, loginId: `user${seq}`, scope: 'terminal', role: 'User', lastLoginOn: '2024-06-01', ...fields, id: `account-${seq}` };
}

function facts(overrides: Partial<LedgerFacts> = {}): LedgerFacts {
  return {
    asOf: AS_OF,
    securityManagerName: '山田太郎',
    assets: [asset({ kind: 'server', os: 'Windows Server 2022' }), asset(), asset({ kind: 'network', os: 'FortiOS 7.4.3', sourceRestrictions: ['ip'] })],
    accounts: [account({ scope: 'server', role: 'Admin' }), account({ scope: 'terminal' })],
    assetLedgerReviewedOn: '2024-04-01',
    accountReviewedOn: null,
    endOfLife: builtInEndOfLife,
    thresholds: defaultFindingThresholds,
    ...overrides,
  };
}

function get(all: Finding[], topic: FindingTopic, scope: DeviceScope = 'general'): Finding {
  const found = all.find((f) => f.topic === topic && f.scope === scope);
  if (!found) throw new Error(`no finding ${topic}/${scope}`);
  return found;
}
const run = (overrides: Partial<LedgerFacts> = {}) => computeFindings(facts(overrides));
const codes = (f: Finding) => f.reasons.map((r) => r.code);
const labels = (f: Finding) => f.records.map((r) => r.label);

describe('the findings list', () => {
  it('has one finding per (topic, scope), in a fixed order', () => {
    expect(run().map((f) => `${f.topic}/${f.scope}`)).toEqual([
      'security-manager/general',
      'asset-ledger/general',
      'remote-maintenance/general',
      'access-rights/server',
      'access-rights/terminal',
      'access-rights/general',
      'unused-accounts/server',
      'unused-accounts/terminal',
      'unused-accounts/general',
      'patches/server',
      'patches/terminal',
      'patches/network',
      'patches/general',
      'source-restriction/network',
      'source-restriction/general',
      'background-services/server',
      'background-services/terminal',
      'background-services/general',
    ]);
  });

  it('a tidy facility gets yes everywhere', () => {
    const all = run({ accountReviewedOn: '2024-05-01' });
    expect(all.filter((f) => f.suggestion !== 'yes').map((f) => `${f.topic}/${f.scope}`)).toEqual([]);
    expect(all.every((f) => f.records.length === 0)).toBe(true);
  });

  it('rejects an asOf that is not a date', () => {
    expect(() => run({ asOf: '2024-13-01' })).toThrow(RangeError);
  });
});

describe('1(1) security manager', () => {
  it.each([
    [null, 'no', 'security-manager-missing'],
    ['', 'no', 'security-manager-missing'],
    ['  　', 'no', 'security-manager-missing'],
    [' 山田太郎 ', 'yes', 'security-manager-named'],
  ] as const)('%j → %s', (name, suggestion, code) => {
    const f = get(run({ securityManagerName: name }), 'security-manager');
    expect(f.suggestion).toBe(suggestion);
    expect(codes(f)).toEqual([code]);
  });

  it('names the manager in the reason', () => {
    expect(get(run(), 'security-manager').reasons[0]!.params).toEqual({ name: '山田太郎' });
  });
});

describe('2(1) asset ledger', () => {
  it('an empty ledger, or one with only retired assets, is no', () => {
    for (const assets of [[], [asset({ status: 'retired' })]]) {
      const f = get(run({ assets }), 'asset-ledger');
      expect(f.suggestion).toBe('no');
      expect(codes(f)).toEqual(['asset-ledger-empty']);
    }
  });

  it.each([
    [null, 'no'],
    ['2023-06-29', 'no'],
    ['2023-06-30', 'yes'],
    ['2024-06-30', 'yes'],
  ] as const)('reviewed on %j → %s (12 months)', (reviewedOn, suggestion) => {
    const f = get(run({ assetLedgerReviewedOn: reviewedOn }), 'asset-ledger');
    expect(f.suggestion).toBe(suggestion);
    if (suggestion === 'no')
      expect(f.reasons[0]).toEqual({ code: 'asset-ledger-not-reviewed', count: 0, params: reviewedOn ? { reviewedOn, months: 12 } : { months: 12 } });
    else expect(f.reasons[0]).toEqual({ code: 'asset-ledger-reviewed', count: 3, params: { reviewedOn, count: 3 } });
  });

  it('months are calendar months, clamped to the end of a shorter month', () => {
    const thresholds = { ...defaultFindingThresholds, ledgerReviewMonths: 1 };
    expect(get(run({ asOf: '2024-03-31', thresholds, assetLedgerReviewedOn: '2024-02-29' }), 'asset-ledger').suggestion).toBe('yes');
    expect(get(run({ asOf: '2024-03-31', thresholds, assetLedgerReviewedOn: '2024-02-28' }), 'asset-ledger').suggestion).toBe('no');
    expect(get(run({ asOf: '2024-02-29', assetLedgerReviewedOn: '2023-02-28' }), 'asset-ledger').suggestion).toBe('yes');
    expect(get(run({ asOf: '2024-02-29', assetLedgerReviewedOn: '2023-02-27' }), 'asset-ledger').suggestion).toBe('no');
  });

  it('lists assets without a kind without turning the answer to no', () => {
    const f = get(
      run({
        assets: [
          asset({ managementNumber: '010', computerName: 'PC-X', kind: null }),
          asset({ kind: 'cloud', cloudModel: null, managementNumber: '009', software: 'クラウド' }),
          asset(),
        ],
      }),
      'asset-ledger',
    );
    expect(f.suggestion).toBe('yes');
    expect(codes(f)).toEqual(['asset-ledger-reviewed', 'assets-without-kind']);
    expect(f.reasons[1]).toMatchObject({ count: 2 });
    expect(labels(f)).toEqual(['009 クラウド', '010 PC-X']);
    expect(f.records.every((r) => r.ledger === 'assets' && r.reasons.join() === 'assets-without-kind')).toBe(true);
  });
});

describe('2(2) remote maintenance', () => {
  it('any active asset with unknown remote maintenance is no, listing them', () => {
    const f = get(
      run({
        assets: [
          asset({ remoteMaintenance: 'unknown', managementNumber: 'B' }),
          asset({ remoteMaintenance: 'yes' }),
          asset({ remoteMaintenance: 'unknown', managementNumber: 'A', status: 'stopped' }),
        ],
      }),
      'remote-maintenance',
    );
    expect(f.suggestion).toBe('no');
    expect(f.reasons).toEqual([{ code: 'remote-maintenance-unknown', count: 2, params: { count: 2 } }]);
    expect(labels(f)).toEqual(['A', 'B']);
  });

  it('retired assets do not count', () => {
    const f = get(
      run({ assets: [asset({ remoteMaintenance: 'unknown', status: 'retired' }), asset({ remoteMaintenance: 'yes' }), asset()] }),
      'remote-maintenance',
    );
    expect(f.suggestion).toBe('yes');
    expect(f.reasons).toEqual([{ code: 'remote-maintenance-known', count: 2, params: { count: 2, withRemote: 1 } }]);
  });

  it('no assets → no, ledger empty', () => {
    expect(codes(get(run({ assets: [] }), 'remote-maintenance'))).toEqual(['asset-ledger-empty']);
  });
});

describe('2(4) access rights', () => {
  const accounts = [
    account({ scope: 'server', role: 'Admin', loginId: 'admin' }),
    account({ scope: 'server', role: ' ', loginId: 'norole', familyName: '佐藤', givenName: '花子', system: '電子カルテ' }),
    account({ scope: 'terminal', role: 'User' }),
    account({ scope: 'terminal', role: '', enabled: false }),
  ];

  it('an enabled account without a role is no for its scope and for general', () => {
    const all = run({ accounts });
    expect(get(all, 'access-rights', 'server').suggestion).toBe('no');
    expect(get(all, 'access-rights', 'server').reasons).toEqual([{ code: 'accounts-without-role', count: 1, params: { count: 1 } }]);
    expect(labels(get(all, 'access-rights', 'server'))).toEqual(['norole（佐藤花子） / 電子カルテ']);
    expect(get(all, 'access-rights', 'terminal').suggestion).toBe('yes');
    expect(get(all, 'access-rights', 'terminal').reasons).toEqual([{ code: 'accounts-have-roles', count: 1, params: { count: 1 } }]);
    expect(get(all, 'access-rights', 'general').suggestion).toBe('no');
  });

  it('no enabled terminal accounts while terminals exist: says what to record, not いいえ (issue 11)', () => {
    const all = run({ accounts: [account({ scope: 'server' }), account({ scope: 'terminal', enabled: false })] });
    expect(get(all, 'access-rights', 'terminal')).toMatchObject({
      suggestion: 'undetermined',
      reasons: [{ code: 'no-accounts-in-scope', params: { scope: 'terminal' } }],
    });
    expect(get(all, 'access-rights', 'general').suggestion).toBe('yes');
    expect(get(run({ accounts: [] }), 'access-rights', 'general')).toMatchObject({ suggestion: 'undetermined', reasons: [{ code: 'no-accounts-in-scope' }] });
  });

  it('no terminal at all in a confirmed ledger: 該当なし (Q&A 12-B-8); unconfirmed: record them first', () => {
    const assets = [asset({ kind: 'server', os: 'Windows Server 2022' })];
    const accounts = [account({ scope: 'server' })];
    expect(get(run({ assets, accounts }), 'access-rights', 'terminal')).toMatchObject({
      suggestion: 'not_applicable',
      reasons: [{ code: 'no-assets-in-scope-confirmed' }],
    });
    expect(get(run({ assets, accounts, assetLedgerReviewedOn: null }), 'unused-accounts', 'terminal')).toMatchObject({
      suggestion: 'undetermined',
      reasons: [{ code: 'no-assets-in-scope' }],
    });
  });

  it('adds the account review when there was one', () => {
    const f = get(run({ accounts, accountReviewedOn: '2024-04-15' }), 'access-rights', 'terminal');
    expect(f.reasons.at(-1)).toEqual({ code: 'account-review-done', count: 0, params: { reviewedOn: '2024-04-15' } });
    expect(get(run({ accounts: [], accountReviewedOn: '2024-04-15' }), 'access-rights', 'server').reasons.map((r) => r.code)).toEqual([
      'no-accounts-in-scope',
      'account-review-done',
    ]);
  });
});

describe('2(5) unused accounts', () => {
  it.each([
    ['retired', { retired: true }, 'accounts-retired-enabled'],
    ['valid-to yesterday', { validTo: '2024-06-29' }, 'accounts-expired-enabled'],
    ['last login 91 days ago', { lastLoginOn: '2024-03-31' }, 'accounts-unused'],
    ['temporary without an end (派遣の当直医)', { temporary: true, validTo: null }, 'accounts-temporary-without-end'],
  ] as const)('%s → no', (_, fields, code) => {
    const f = get(run({ accounts: [account(fields), account()] }), 'unused-accounts', 'terminal');
    expect(f.suggestion).toBe('no');
    expect(codes(f)).toEqual([code]);
    expect(f.records).toHaveLength(1);
    expect(f.records[0]!.reasons).toEqual([code]);
  });

  it.each([
    ['valid-to today', { validTo: AS_OF }],
    ['last login exactly 90 days ago', { lastLoginOn: '2024-04-01' }],
    ['never logged in (not recorded)', { lastLoginOn: null }],
    ['temporary with an end', { temporary: true, validTo: '2024-07-31' }],
    ['retired but disabled (Q&A 7-3: disabling is fine)', { retired: true, enabled: false }],
    ['expired but disabled', { validTo: '2020-01-01', enabled: false }],
  ] as const)('%s → clean', (_, fields) => {
    const f = get(run({ accounts: [account(fields), account()] }), 'unused-accounts', 'terminal');
    expect(f.suggestion).toBe('yes');
    expect(codes(f)).toEqual(['accounts-clean']);
    expect(f.reasons[0]!.params).toEqual({ count: f.reasons[0]!.count });
  });

  it('one reason per code with its count; each record lists all its codes', () => {
    const accounts = [
      account({ loginId: 'c', retired: true, lastLoginOn: '2023-01-01', temporary: true }),
      account({ loginId: 'a', validTo: '2024-01-01', lastLoginOn: '2024-01-01' }),
      account({ loginId: 'b', lastLoginOn: '2024-02-01' }),
      account({ loginId: 'd' }),
      account({ loginId: 'e', scope: 'server', retired: true }),
    ];
    const all = run({ accounts, accountReviewedOn: '2024-06-01' });
    const terminal = get(all, 'unused-accounts', 'terminal');
    expect(terminal.reasons).toEqual([
      { code: 'accounts-retired-enabled', count: 1, params: { count: 1 } },
      { code: 'accounts-expired-enabled', count: 1, params: { count: 1 } },
      { code: 'accounts-unused', count: 3, params: { count: 3, days: 90 } },
      { code: 'accounts-temporary-without-end', count: 1, params: { count: 1 } },
      { code: 'account-review-done', count: 0, params: { reviewedOn: '2024-06-01' } },
    ]);
    expect(terminal.records.map((r) => [r.label, r.reasons])).toEqual([
      ['a', ['accounts-expired-enabled', 'accounts-unused']],
      ['b', ['accounts-unused']],
      ['c', ['accounts-retired-enabled', 'accounts-unused', 'accounts-temporary-without-end']],
    ]);
    expect(labels(get(all, 'unused-accounts', 'server'))).toEqual(['e']);
    expect(labels(get(all, 'unused-accounts', 'general'))).toEqual(['a', 'b', 'c', 'e']);
    expect(get(all, 'unused-accounts', 'general').reasons[0]).toEqual({ code: 'accounts-retired-enabled', count: 2, params: { count: 2 } });
  });

  it('no enabled accounts in scope while servers exist → no suggestion, what to record', () => {
    const f = get(run({ accounts: [account({ scope: 'server', enabled: false })] }), 'unused-accounts', 'server');
    expect(f.suggestion).toBe('undetermined');
    expect(codes(f)).toEqual(['no-accounts-in-scope']);
  });

  it('follows the configured number of days', () => {
    const thresholds = { ...defaultFindingThresholds, unusedAccountDays: 30 };
    expect(get(run({ thresholds, accounts: [account({ lastLoginOn: '2024-05-31' })] }), 'unused-accounts', 'terminal').suggestion).toBe('yes');
    const f = get(run({ thresholds, accounts: [account({ lastLoginOn: '2024-05-30' })] }), 'unused-accounts', 'terminal');
    expect(f.reasons[0]).toEqual({ code: 'accounts-unused', count: 1, params: { count: 1, days: 30 } });
  });
});

describe('2(7) patches', () => {
  // Q&A 9-15 sets no patch frequency and 9-20 asks for the latest supported version: the 更新状況 decides, the age of
  // the last patch is only a note; Q&A 9-14: a device past end of life stays いいえ even with a risk acceptance.
  it.each([
    ['最新, patched recently', 'yes', {}, ['patches-current']],
    ['最新, patched exactly 90 days ago', 'yes', { lastPatchedOn: '2024-04-01' }, ['patches-current']],
    ['最新, patched 91 days ago: a note to confirm, not いいえ', 'yes', { lastPatchedOn: '2024-03-31' }, ['patches-current', 'patches-long-ago']],
    ['最新, no patch date', 'yes', { lastPatchedOn: null }, ['patches-current']],
    ['未適用の更新あり', 'no', { updateStatus: 'pending' }, ['patches-pending']],
    ['不明', 'no', { updateStatus: 'unknown' }, ['patches-update-unknown']],
    ['更新不可', 'no', { updateStatus: 'unsupported' }, ['patches-unsupported']],
    ['own end of life today', 'no', { endOfLifeOn: AS_OF }, ['os-end-of-life']],
    ['own end of life tomorrow', 'yes', { endOfLifeOn: '2024-07-01' }, ['patches-current']],
    ['own date later than the table (ESU)', 'yes', { os: 'Windows Server 2012 R2', endOfLifeOn: '2026-10-13' }, ['patches-current']],
    ['table: Windows 8 (the manual’s example)', 'no', { os: 'Win8' }, ['os-end-of-life']],
    ['table: Windows 10 before its end', 'yes', { os: 'Windows 10 Pro' }, ['patches-current']],
    [
      'end of life with a risk acceptance stays いいえ (Q&A 9-14)',
      'no',
      { os: 'Windows 7', riskAcceptance: '検査装置の制御用。閉域網で運用' },
      ['os-end-of-life-accepted'],
    ],
    ['blank risk acceptance', 'no', { os: 'Windows 7', riskAcceptance: '  ' }, ['os-end-of-life']],
    [
      'pending and accepted end of life',
      'no',
      { os: 'Windows 7', riskAcceptance: 'ok', updateStatus: 'pending' },
      ['patches-pending', 'os-end-of-life-accepted'],
    ],
  ] as const)('%s → %s', (_, suggestion, fields, expected) => {
    const f = get(run({ assets: [asset(fields)] }), 'patches', 'terminal');
    expect(f.suggestion).toBe(suggestion);
    expect(codes(f)).toEqual(expected);
    const listed = expected.filter((c) => c !== 'patches-current');
    if (listed.length) expect(f.records[0]!.reasons).toEqual(listed);
    else expect(f.records).toEqual([]);
  });

  it('names the product and date of each end of life, grouped', () => {
    const assets = [
      asset({ os: 'Windows 7', managementNumber: '003' }),
      asset({ os: 'Win7', osVersion: 'SP1', managementNumber: '001' }),
      asset({ os: 'Windows', osVersion: '8.1', managementNumber: '002' }),
      asset({ os: 'Windows Server 2012', osVersion: 'R2', kind: 'server', managementNumber: '004' }),
      asset({ os: '独自OS', endOfLifeOn: '2022-03-31', managementNumber: '005', kind: 'medical_device' }),
    ];
    const all = run({ assets });
    expect(get(all, 'patches', 'terminal').reasons).toEqual([
      { code: 'os-end-of-life', count: 2, params: { count: 2, product: 'Windows 7', endOfLifeOn: '2020-01-14' } },
      { code: 'os-end-of-life', count: 1, params: { count: 1, product: '独自OS', endOfLifeOn: '2022-03-31' } },
      { code: 'os-end-of-life', count: 1, params: { count: 1, product: 'Windows 8.1', endOfLifeOn: '2023-01-10' } },
    ]);
    expect(labels(get(all, 'patches', 'terminal'))).toEqual(['001', '002', '003', '005']);
    expect(get(all, 'patches', 'server').reasons).toEqual([
      { code: 'os-end-of-life', count: 1, params: { count: 1, product: 'Windows Server 2012 R2', endOfLifeOn: '2023-10-10' } },
    ]);
    expect(get(all, 'patches', 'general').records).toHaveLength(5);
  });

  it('network devices are looked up by firmware too', () => {
    const assets = [
      asset({ kind: 'network', os: 'FortiOS', firmwareVersion: '6.2.9', managementNumber: 'FW1' }),
      asset({ kind: 'network', os: '', firmwareVersion: 'FortiOS v6.0.12', managementNumber: 'FW2' }),
      asset({ kind: 'network', os: 'FortiOS', osVersion: '7.4', firmwareVersion: '7.4.3', managementNumber: 'FW3' }),
    ];
    const f = get(run({ assets }), 'patches', 'network');
    expect(f.suggestion).toBe('no');
    expect(f.reasons.map((r) => r.params.product)).toEqual(['FortiOS 6.0', 'FortiOS 6.2']);
    expect(labels(f)).toEqual(['FW1', 'FW2']);
    // A terminal's firmware is not an OS.
    expect(get(run({ assets: [asset({ os: '', firmwareVersion: 'FortiOS 6.2' })] }), 'patches', 'terminal').suggestion).toBe('yes');
  });

  it('DaaS counts as terminal, SaaS / IaaS / PaaS as server, medical devices as terminal', () => {
    const assets = [
      asset({ kind: 'cloud', cloudModel: 'daas', managementNumber: 'D', updateStatus: 'unknown' }),
      asset({ kind: 'cloud', cloudModel: 'saas', managementNumber: 'S', updateStatus: 'unknown' }),
      asset({ kind: 'cloud', cloudModel: 'iaas', managementNumber: 'I', updateStatus: 'unknown' }),
      asset({ kind: 'medical_device', managementNumber: 'M', updateStatus: 'unknown' }),
    ];
    const all = run({ assets });
    expect(labels(get(all, 'patches', 'terminal'))).toEqual(['D', 'M']);
    expect(labels(get(all, 'patches', 'server'))).toEqual(['I', 'S']);
    expect(codes(get(all, 'patches', 'network'))).toEqual(['no-assets-in-scope-confirmed']);
    expect(labels(get(all, 'patches', 'general'))).toEqual(['D', 'I', 'M', 'S']);
  });

  it('retired assets are ignored; stopped ones count', () => {
    const all = run({
      assets: [
        asset({ status: 'retired', os: 'Windows XP', updateStatus: 'pending' }),
        asset({ status: 'stopped', updateStatus: 'pending', managementNumber: 'S' }),
      ],
    });
    expect(labels(get(all, 'patches', 'terminal'))).toEqual(['S']);
    expect(codes(get(all, 'patches', 'server'))).toEqual(['no-assets-in-scope-confirmed']);
  });

  it('general also looks at assets without a kind', () => {
    const all = run({ assets: [asset({ kind: null, updateStatus: 'unknown', managementNumber: 'X' })] });
    expect(labels(get(all, 'patches', 'general'))).toEqual(['X']);
    expect(codes(get(all, 'patches', 'terminal'))).toEqual(['no-assets-in-scope-confirmed']);
  });

  it('devices holding no patient information are outside the checklist (Q&A 12-D-22)', () => {
    const all = run({ assets: [asset({ holdsPatientData: false, updateStatus: 'pending', managementNumber: 'KYUYO' }), asset({ managementNumber: 'OK' })] });
    expect(get(all, 'patches', 'terminal')).toMatchObject({ suggestion: 'yes', records: [] });
    expect(get(all, 'asset-ledger')).toMatchObject({
      suggestion: 'yes',
      reasons: [
        { code: 'asset-ledger-reviewed', count: 2 },
        { code: 'assets-without-patient-data', count: 1 },
      ],
    });
    const only = run({ assets: [asset({ holdsPatientData: false, remoteMaintenance: 'unknown' })] });
    expect(get(only, 'remote-maintenance').reasons.map((r) => r.code)).toEqual(['asset-ledger-empty']);
    expect(get(only, 'patches', 'terminal').suggestion).toBe('not_applicable');
  });

  it('follows the configured patch age and end-of-life table', () => {
    const thresholds = { ...defaultFindingThresholds, patchMaxAgeDays: 30 };
    const f = get(run({ thresholds, assets: [asset({ lastPatchedOn: '2024-05-30' })] }), 'patches', 'terminal');
    expect(f.suggestion).toBe('yes');
    expect(f.reasons).toEqual([
      { code: 'patches-current', count: 1, params: { count: 1 } },
      { code: 'patches-long-ago', count: 1, params: { count: 1, days: 30 } },
    ]);
    expect(get(run({ assets: [asset({ os: 'Windows 7' })], endOfLife: [] }), 'patches', 'terminal').suggestion).toBe('yes');
  });
});

describe('2(8) source restriction', () => {
  // Manual 2(8), Q&A 10-1 and 12-A-2: connections from outside and wireless; an internal-only switch is not a reason.
  it.each([
    ['outside, not recorded', 'yes', null, 'no', ['source-restriction-unrecorded']],
    ['outside, none', 'yes', [], 'no', ['source-restriction-missing']],
    ['outside, MAC', 'yes', ['mac'], 'yes', ['source-restriction-in-place']],
    ['outside, IP and region', 'yes', ['ip', 'region'], 'yes', ['source-restriction-in-place']],
    ['unknown, none recorded', 'unknown', null, 'no', ['external-connection-unknown']],
    ['unknown, IP restricted', 'unknown', ['ip'], 'yes', ['source-restriction-in-place']],
    ['internal only, none', 'no', [], 'not_applicable', ['no-assets-in-scope-confirmed', 'no-boundary-devices']],
  ] as const)('%s → %s, the same for network and general', (_, externalConnection, sourceRestrictions, suggestion, expected) => {
    const all = run({
      assets: [
        asset({ kind: 'network', externalConnection, sourceRestrictions: sourceRestrictions === null ? null : [...sourceRestrictions] }),
        asset({ sourceRestrictions: null }),
      ],
    });
    for (const scope of ['network', 'general'] as const) {
      const f = get(all, 'source-restriction', scope);
      // 該当なし is for device rows; a general item has to be answered.
      if (scope === 'general' && suggestion === 'not_applicable') {
        expect(f.suggestion).toBe('undetermined');
        expect(codes(f)).toEqual(['no-assets-in-scope', 'no-boundary-devices']);
        continue;
      }
      expect(f.suggestion).toBe(suggestion);
      expect(codes(f)).toEqual(expected);
    }
  });

  it('an internal-only switch beside an unrestricted router: only the router is listed', () => {
    const assets = [
      asset({ kind: 'network', externalConnection: 'no', sourceRestrictions: [], managementNumber: 'SW' }),
      asset({ kind: 'network', externalConnection: 'yes', sourceRestrictions: [], managementNumber: 'RT' }),
    ];
    const f = get(run({ assets }), 'source-restriction', 'network');
    expect(f).toMatchObject({ suggestion: 'no', reasons: [{ code: 'source-restriction-missing', count: 1 }] });
    expect(labels(f)).toEqual(['RT']);
  });

  it('counts each kind of problem', () => {
    const assets = [
      asset({ kind: 'network', externalConnection: 'yes', sourceRestrictions: null }),
      asset({ kind: 'network', externalConnection: 'yes', sourceRestrictions: [] }),
      asset({ kind: 'network', externalConnection: 'yes', sourceRestrictions: [] }),
      asset({ kind: 'network', externalConnection: 'unknown', sourceRestrictions: [] }),
      asset({ kind: 'network', externalConnection: 'yes', sourceRestrictions: ['ip'] }),
    ];
    const f = get(run({ assets }), 'source-restriction', 'network');
    expect(f.reasons).toEqual([
      { code: 'source-restriction-unrecorded', count: 1, params: { count: 1 } },
      { code: 'source-restriction-missing', count: 2, params: { count: 2 } },
      { code: 'external-connection-unknown', count: 1, params: { count: 1 } },
    ]);
    expect(f.records).toHaveLength(4);
  });

  it('no network devices: 該当なし in a confirmed ledger (Q&A 12-B-8), else record them first', () => {
    const all = run({ assets: [asset()] });
    expect(get(all, 'source-restriction', 'network')).toMatchObject({ suggestion: 'not_applicable', reasons: [{ code: 'no-assets-in-scope-confirmed' }] });
    expect(get(run({ assets: [asset()], assetLedgerReviewedOn: '2023-01-01' }), 'source-restriction', 'general')).toMatchObject({
      suggestion: 'undetermined',
      reasons: [{ code: 'no-assets-in-scope' }],
    });
  });
});

describe('2(9) background services', () => {
  it.each([
    [null, 'no'],
    ['2023-06-29', 'no'],
    ['2023-06-30', 'yes'],
  ] as const)('reviewed on %j → %s', (servicesReviewedOn, suggestion) => {
    const f = get(run({ assets: [asset({ servicesReviewedOn })] }), 'background-services', 'terminal');
    expect(f.suggestion).toBe(suggestion);
    expect(codes(f)).toEqual([suggestion === 'no' ? 'services-not-reviewed' : 'services-reviewed']);
    expect(f.reasons[0]!.params.months).toBe(12);
  });

  it('scoped and general', () => {
    const assets = [
      asset({ kind: 'server', servicesReviewedOn: null, managementNumber: 'SV' }),
      asset({ managementNumber: 'PC' }),
      asset({ kind: 'network', servicesReviewedOn: null, managementNumber: 'RT' }),
    ];
    const all = run({ assets });
    expect(labels(get(all, 'background-services', 'server'))).toEqual(['SV']);
    expect(get(all, 'background-services', 'terminal').suggestion).toBe('yes');
    expect(labels(get(all, 'background-services', 'general'))).toEqual(['RT', 'SV']);
    expect(codes(get(run({ assets: [asset({ kind: 'network' })] }), 'background-services', 'server'))).toEqual(['no-assets-in-scope-confirmed']);
  });
});

describe('record labels', () => {
  it('assets: management number and computer name, else software', () => {
    const assets = [
      asset({ managementNumber: '002', computerName: '', software: '〇〇電子カルテ', updateStatus: 'pending' }),
      asset({ managementNumber: '001', computerName: 'Room1のPC1', software: '〇〇電子カルテ', updateStatus: 'pending' }),
      asset({ managementNumber: '003', computerName: ' ', software: '', updateStatus: 'pending' }),
    ];
    expect(labels(get(run({ assets }), 'patches', 'terminal'))).toEqual(['001 Room1のPC1', '002 〇〇電子カルテ', '003']);
  });

  it('accounts: login id, name in full-width brackets, system', () => {
    const accounts = [
      account({ loginId: 'abc@def', familyName: 'abc', givenName: 'def', retired: true }),
      account({ loginId: 'efg@hij', system: 'レセコン', retired: true }),
      account({ loginId: 'klm@nop', familyName: '佐藤', system: '電子カルテ', retired: true }),
    ];
    expect(labels(get(run({ accounts }), 'unused-accounts', 'terminal'))).toEqual(['abc@def（abcdef）', 'efg@hij / レセコン', 'klm@nop（佐藤） / 電子カルテ']);
  });
});

describe('items and findings', () => {
  const all = run();

  it('2023: scoped items get the finding of their scope', () => {
    const form = catalog.form('2023', 'institution')!;
    const topicOf = (id: string) => form.items.find((i) => i.id === id)!;
    expect(findingForItem(topicOf('2(7)@network'), all)).toBe(get(all, 'patches', 'network'));
    expect(findingForItem(topicOf('2(7)@server'), all)).toBe(get(all, 'patches', 'server'));
    expect(findingForItem(topicOf('2(4)@terminal'), all)).toBe(get(all, 'access-rights', 'terminal'));
    expect(findingForItem(topicOf('2(5)@server'), all)).toBe(get(all, 'unused-accounts', 'server'));
    expect(findingForItem(topicOf('2(8)@network'), all)).toBe(get(all, 'source-restriction', 'network'));
    expect(findingForItem(topicOf('1(1)'), all)).toBe(get(all, 'security-manager'));
    expect(findingForItem(topicOf('2(1)'), all)).toBe(get(all, 'asset-ledger'));
    expect(findingForItem(topicOf('2(2)'), all)).toBe(get(all, 'remote-maintenance'));
    for (const id of ['gate', '2(3)', '2(6)@server', '3(1)', '3(2)', '3(3)']) expect(findingForItem(topicOf(id), all), id).toBeNull();
    expect(itemIdsForFinding(get(all, 'patches', 'network'), form.items)).toEqual(['2(7)@network']);
    expect(itemIdsForFinding(get(all, 'patches', 'general'), form.items)).toEqual([]);
  });

  it('2025: the general 2-⑥ gets the general patches finding', () => {
    const form = catalog.form('2025', 'institution')!;
    const item = form.items.find((i) => i.id === '2(6)')!;
    expect(item.scope).toBe('general');
    expect(findingForItem(item, all)).toBe(get(all, 'patches', 'general'));
    expect(itemIdsForFinding(get(all, 'patches', 'general'), form.items)).toEqual(['2(6)']);
    expect(itemIdsForFinding(get(all, 'patches', 'network'), form.items)).toEqual([]);
    expect(itemIdsForFinding(get(all, 'background-services', 'server'), form.items)).toEqual(['2(12)@server']);
  });

  it('every item of every shipped form whose topic a ledger answers finds its finding', () => {
    // Incident readiness (3(1)–3(3)), MDS/SDS (2(3)) and access logs (2(6)) are answered from their own facts, tested in
    // incident-findings.test.ts, disclosure-findings.test.ts and access-log-finding.test.ts.
    const incidentTopics = new Set(['contact-chart', 'backup-restore', 'bcp', 'mds-sds', 'access-logs']);
    const topics = new Set<string>(findingTopics.filter((t) => !incidentTopics.has(t)));
    let matched = 0;
    for (const edition of catalog.editions()) {
      for (const kind of ['institution', 'pharmacy', 'vendor'] as const) {
        for (const item of catalog.form(edition, kind)?.items ?? []) {
          if (incidentTopics.has(item.topic)) continue;
          const f = findingForItem(item, all);
          if (topics.has(item.topic)) {
            expect(f, `${edition} ${kind} ${item.id}`).not.toBeNull();
            matched++;
          } else expect(f).toBeNull();
        }
      }
    }
    expect(matched).toBeGreaterThan(50);
  });
});

describe('a large facility', () => {
  /** Rows as a database driver returns them: every field present, always in the same order (one hidden class). */
  const row = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  it('10,000 accounts and 10,000 assets: every finding, with the offending records (speed: npm run bench)', () => {
    const oses = [
      'Windows 11 Pro 23H2',
      'Windows 10 Pro',
      'Windows 11 Pro 24H2',
      'Windows Server 2019',
      'Windows Server 2012 R2',
      'macOS 14',
      'FortiOS 7.4.3',
      '独自OS v3',
    ];
    const kinds = ['server', 'terminal', 'network', 'medical_device', 'cloud', null] as const;
    const assets: Asset[] = [];
    const accounts: Account[] = [];
    // About one record in five has something wrong: a facility with work to do, not a worst case.
    for (let i = 0; i < 10_000; i++) {
      assets.push(
        asset({
          managementNumber: `M${(i * 7919) % 10_000}`,
          computerName: `PC-${i}`,
          kind: i % 50 === 0 ? null : kinds[i % 5]!,
          cloudModel: i % 2 ? 'saas' : 'daas',
          os: oses[i % oses.length]!,
          osVersion: String(i % 13),
          lastPatchedOn: i % 23 === 0 ? null : i % 19 === 0 ? '2023-01-01' : '2024-06-01',
          updateStatus: i % 23 === 0 ? 'unknown' : 'latest',
          remoteMaintenance: i % 41 === 0 ? 'unknown' : 'no',
          riskAcceptance: i % 4 === 0 ? '受容' : '',
          sourceRestrictions: i % 29 === 0 ? null : ['ip'],
          servicesReviewedOn: i % 31 === 0 ? null : '2024-01-01',
          status: i % 17 === 0 ? 'retired' : 'active',
        }),
      );
      accounts.push(
        account({
          loginId: `u${(i * 104_729) % 10_000}`,
          familyName: '山田',
          givenName: `${i}`,
          scope: i % 2 ? 'server' : 'terminal',
          role: i % 37 === 0 ? '' : 'User',
          enabled: i % 10 !== 0,
          retired: i % 43 === 0,
          validTo: i % 47 === 0 ? '2024-01-01' : null,
          lastLoginOn: i % 11 === 0 ? '2023-01-01' : '2024-06-20',
          temporary: i % 53 === 0,
        }),
      );
    }
    const input = facts({ assets: row(assets), accounts: row(accounts) });
    const result: Finding[] = computeFindings(input);
    expect(result).toHaveLength(18);
    expect(get(result, 'unused-accounts', 'general').records.length).toBeGreaterThan(1000);
    expect(get(result, 'patches', 'general').records.length).toBeGreaterThan(1000);
  });
});

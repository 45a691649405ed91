import { formatJapaneseDate, isIsoDate } from '../checklist/fiscal-year.js';
import type { Finding, FindingReason, FindingReasonCode } from './finding-types.js';

/** 令和8年11月22日: dates in Japanese sentences read in the era, as on the rest of the screen. */
const wareki = (value: string | number | undefined) => (typeof value === 'string' && isIsoDate(value) ? formatJapaneseDate(value) : String(value ?? ''));

type Template = (count: number, p: Record<string, string | number>) => string;

const scopeWords = {
  ja: { general: '機器', server: 'サーバ', terminal: '端末PC', network: 'ネットワーク機器' },
  en: { general: 'devices', server: 'servers', terminal: 'terminal PCs', network: 'network devices' },
} as const;
const scopeWord = (locale: 'ja' | 'en', scope: string | number | undefined) =>
  scopeWords[locale][(scope ?? 'general') as keyof (typeof scopeWords)['ja']] ?? scopeWords[locale].general;

/**
 * One sentence per reason, in plain words. Server (answer notes, evidence files, CLI) and web render
 * from this one catalog so a reason reads the same everywhere.
 */
const messages: Record<'ja' | 'en', Record<FindingReasonCode, Template>> = {
  ja: {
    'security-manager-named': (_, p) => `医療情報システム安全管理責任者: ${p.name}`,
    'security-manager-missing': () => '医療情報システム安全管理責任者が登録されていません',
    'asset-ledger-empty': () => '機器台帳に機器が登録されていません',
    'asset-ledger-not-reviewed': (_, p) =>
      p.reviewedOn ? `機器台帳の最終確認が ${wareki(p.reviewedOn)} で、${p.months}か月以上見直されていません` : '機器台帳を見直した記録がありません',
    'asset-ledger-reviewed': (c, p) => `機器台帳 ${c}台、${wareki(p.reviewedOn)} に確認済み`,
    'assets-without-kind': (c) => `${c}台の機器区分（サーバ・端末PC・ネットワーク機器など）が未入力です`,
    'remote-maintenance-unknown': (c) => `${c}台のリモートメンテナンスの有無が「不明」です`,
    'remote-maintenance-known': (c, p) => `${c}台すべてでリモートメンテナンスの有無を確認済み（あり ${p.withRemote ?? 0}台）`,
    'assets-without-patient-data': (c) => `${c}台は患者情報を扱わない機器として記録されているため、チェックリストの対象外です（Q&A 12-D-22）`,
    'no-assets-in-scope': (_, p) =>
      `機器台帳に${scopeWord('ja', p.scope)}がありません。${scopeWord('ja', p.scope)}を台帳に記録するか、台帳にすべての機器が載っていることを確認（「台帳を確認した」）すると提案できます`,
    'no-assets-in-scope-confirmed': (_, p) =>
      `確認済みの機器台帳に${scopeWord('ja', p.scope)}がないため、この行は「該当なし」です（理由を備考に残します。Q&A 12-B-8）`,
    'no-accounts-in-scope': (_, p) =>
      p.scope === 'terminal'
        ? '利用者ID台帳に端末PCのアカウントがありません。端末PCのWindowsのアカウントやActive Directoryの利用者を、対象機器「端末PC」として記録してください'
        : `利用者ID台帳に${scopeWord('ja', p.scope)}のアカウントがありません。${scopeWord('ja', p.scope)}にログインするアカウント（管理者アカウントを含む）を記録してください`,
    'accounts-without-role': (c) => `${c}件の有効な利用者IDに権限が設定されていません`,
    'accounts-have-roles': (c) => `有効な利用者ID ${c}件すべてに権限が設定されています`,
    'account-review-done': (_, p) => `${wareki(p.reviewedOn)} に利用者IDの棚卸しを実施`,
    'accounts-retired-enabled': (c) => `退職者の利用者ID ${c}件が有効のままです`,
    'accounts-expired-enabled': (c) => `有効期限を過ぎた利用者ID ${c}件が有効のままです`,
    'accounts-unused': (c, p) => `${p.days}日以上使われていない利用者ID ${c}件が有効のままです`,
    'accounts-temporary-without-end': (c) => `一時利用の利用者ID ${c}件に有効期限がありません`,
    'accounts-clean': (c) => `有効な利用者ID ${c}件に、退職者・期限切れ・長期未使用のものはありません`,
    'patches-pending': (c) => `${c}台に未適用の更新があります`,
    'patches-update-unknown': (c) => `${c}台の更新状況が「不明」か未記録です（最新の状態かを確認して記録してください）`,
    'patches-unsupported': (c) => `${c}台が「更新不可」です。更新できない理由とリスクを把握し、年度内の目標日を決めてください（Q&A 9-14）`,
    'patches-long-ago': (c, p) =>
      `注意: ${c}台は最後のパッチ適用から${p.days}日以上たっています。最新の状態か確認してください（適用頻度の決まりはありません。Q&A 9-15）`,
    'os-end-of-life': (c, p) => `${c}台が ${p.product}（${wareki(p.endOfLifeOn)} サポート終了）のままで、リスク受容の記録がありません`,
    'os-end-of-life-accepted': (c, p) =>
      `${c}台は ${p.product}（${wareki(p.endOfLifeOn)} サポート終了）です。リスク受容は記録されていますが、回答は「いいえ」のまま、年度内の目標日を記入します（Q&A 9-14）`,
    'patches-current': (c) => `${c}台すべてで更新状況が「最新」です`,
    'external-connection-unknown': (c) =>
      `${c}台のネットワーク機器で、外部接続（インターネット・VPN・保守回線・無線LAN）の有無が「不明」で、接続元制限も記録されていません`,
    'no-boundary-devices': (c) => `ネットワーク機器 ${c}台はすべて外部接続なし（院内のみ）として記録されています`,
    'source-restriction-missing': (c) => `外部と接続するネットワーク機器 ${c}台に接続元制限がありません`,
    'source-restriction-unrecorded': (c) => `外部と接続するネットワーク機器 ${c}台の接続元制限が記録されていません`,
    'source-restriction-in-place': (c) => `外部と接続するネットワーク機器 ${c}台すべてに接続元制限があります`,
    'services-not-reviewed': (c, p) => `${c}台で不要なソフトウェア・サービスの確認が${p.months}か月以上行われていません`,
    'services-reviewed': (c) => `${c}台すべてで不要なソフトウェア・サービスを確認済み`,
    'disclosures-no-contracts': () => '事業者との契約が登録されていません（事業者と契約していない場合、この項目は記入不要です）',
    'disclosures-missing': (c, p) => `契約しているシステム ${p.total ?? c}件のうち ${c}件で MDS/SDS を受け取っていません`,
    'disclosures-outdated': (c, p) => `${c}件のシステムの MDS/SDS が JAHIS ${p.latest} より前の版です（その時点の最新版での提出を依頼してください）`,
    'disclosures-complete': (c) => `契約しているシステム ${c}件すべてで MDS/SDS を受け取っています`,
    'contact-chart-missing': () => '連絡体制図がまだ作成されていません',
    'contact-chart-lacks': (_, p) => `連絡体制図に ${p.missing} の連絡先がありません`,
    'contact-chart-complete': (c, p) => `連絡体制図に ${c}件の連絡先（${p.required}を含む）があります`,
    'backups-none': () => 'バックアップの計画が登録されていません',
    'backups-few-generations': (c) => `${c}件のバックアップが3世代未満です`,
    'backups-no-offline': () => '注意: オフライン（書き込みできない状態）で保管しているバックアップがありません（マニュアルでは「望ましい」とされています）',
    'restore-test-missing': (_, p) => `${p.months}か月以内に復旧（リストア）の確認をしていません`,
    'restore-test-failed': (c) => `${c}件のバックアップで、最後の復旧確認が成功していません`,
    'backups-ready': (c, p) => `バックアップ ${c}件、3世代以上、${wareki(p.testedOn)} に復旧手順を確認`,
    'bcp-missing': () => 'サイバー攻撃を想定したBCPがまだありません',
    'bcp-planned': (_, p) => `BCPはまだありません（策定予定日 ${wareki(p.plannedOn)}）`,
    'bcp-plan-counts': (_, p) => `BCPを ${wareki(p.plannedOn)} までに策定予定です。この年度の様式では「策定予定」も「はい」です（${p.untilFy}中）`,
    'bcp-not-reviewed': (_, p) =>
      p.reviewedOn
        ? `BCPの最後の見直しが ${wareki(p.reviewedOn)} で、${p.months}か月以上たっています`
        : `BCPを見直した・訓練した記録がありません（${p.months}か月以内に必要）`,
    'bcp-ready': (_, p) => `BCPあり、${wareki(p.reviewedOn)} に見直し・訓練を実施`,
    'access-logs-none': () => 'アクセスログの取得元（サーバ等）が登録されていません。登録してログを取り込むと提案できます',
    'access-logs-silent': (c, p) => `${c}件の取得元から ${p.days}日以上ログが届いていません: ${p.names}`,
    'access-logs-unreviewed': (c, p) => `${c}件の取得元のログを ${p.days}日以上だれも確認（承認）していません: ${p.names}`,
    'access-logs-managed': (c, p) => `${c}件の取得元からログが届き、${wareki(p.reviewedThrough)} までの期間を確認済みです`,
  },
  en: {
    'security-manager-named': (_, p) => `Security manager: ${p.name}`,
    'security-manager-missing': () => 'No medical information system security manager is registered',
    'asset-ledger-empty': () => 'The asset ledger has no devices',
    'asset-ledger-not-reviewed': (_, p) =>
      p.reviewedOn ? `The asset ledger was last reviewed on ${p.reviewedOn}, more than ${p.months} months ago` : 'The asset ledger has never been reviewed',
    'asset-ledger-reviewed': (c, p) => `${c} devices in the ledger, reviewed on ${p.reviewedOn}`,
    'assets-without-kind': (c) => `${c} devices have no kind (server, terminal, network device…)`,
    'remote-maintenance-unknown': (c) => `${c} devices have remote maintenance "unknown"`,
    'remote-maintenance-known': (c, p) => `Remote maintenance checked on all ${c} devices (${p.withRemote ?? 0} with remote access)`,
    'assets-without-patient-data': (c) => `${c} devices are recorded as holding no patient information and are outside the checklist (Q&A 12-D-22)`,
    'no-assets-in-scope': (_, p) =>
      `The asset ledger has no ${scopeWord('en', p.scope)}. Record them, or confirm that the ledger lists every device ("ledger checked"), to get a suggestion`,
    'no-assets-in-scope-confirmed': (_, p) =>
      `The confirmed asset ledger has no ${scopeWord('en', p.scope)}: this row is "not applicable" (keep the reason in the note; Q&A 12-B-8)`,
    'no-accounts-in-scope': (_, p) =>
      p.scope === 'terminal'
        ? 'The account ledger has no terminal PC accounts. Record the Windows accounts or Active Directory users of the terminal PCs with scope "terminal PC"'
        : `The account ledger has no accounts for ${scopeWord('en', p.scope)}. Record the accounts that sign in to them, administrators included`,
    'accounts-without-role': (c) => `${c} enabled accounts have no role`,
    'accounts-have-roles': (c) => `All ${c} enabled accounts have a role`,
    'account-review-done': (_, p) => `Account review done on ${p.reviewedOn}`,
    'accounts-retired-enabled': (c) => `${c} accounts of people who left are still enabled`,
    'accounts-expired-enabled': (c) => `${c} accounts past their end date are still enabled`,
    'accounts-unused': (c, p) => `${c} accounts unused for ${p.days} days or more are still enabled`,
    'accounts-temporary-without-end': (c) => `${c} temporary accounts have no end date`,
    'accounts-clean': (c) => `None of the ${c} enabled accounts is retired, expired or unused`,
    'patches-pending': (c) => `${c} devices have updates not yet applied`,
    'patches-update-unknown': (c) => `The update status of ${c} devices is "unknown" or not recorded (check whether they are up to date and record it)`,
    'patches-unsupported': (c) => `${c} devices cannot be updated. Know why and the risk, and set a target date within the year (Q&A 9-14)`,
    'patches-long-ago': (c, p) =>
      `Note: ${c} devices were last patched more than ${p.days} days ago. Check they are up to date (there is no set frequency, Q&A 9-15)`,
    'os-end-of-life': (c, p) => `${c} devices still run ${p.product} (support ended ${p.endOfLifeOn}) with no risk acceptance`,
    'os-end-of-life-accepted': (c, p) =>
      `${c} devices run ${p.product} (support ended ${p.endOfLifeOn}). A risk acceptance is recorded, but the answer stays "no" with a target date within the year (Q&A 9-14)`,
    'patches-current': (c) => `All ${c} devices are up to date`,
    'external-connection-unknown': (c) =>
      `${c} network devices have an unknown external connection (internet, VPN, maintenance line, wireless) and no source restriction recorded`,
    'no-boundary-devices': (c) => `All ${c} network devices are recorded as internal only`,
    'source-restriction-missing': (c) => `${c} network devices connected outside have no source restriction`,
    'source-restriction-unrecorded': (c) => `${c} network devices connected outside have no source restriction recorded`,
    'source-restriction-in-place': (c) => `All ${c} network devices connected outside restrict their sources`,
    'services-not-reviewed': (c, p) => `${c} devices have not had unneeded software reviewed in ${p.months} months`,
    'services-reviewed': (c) => `Unneeded software reviewed on all ${c} devices`,
    'disclosures-no-contracts': () => 'No vendor contract is registered (without a vendor contract this item is not needed)',
    'disclosures-missing': (c, p) => `${c} of the ${p.total ?? c} contracted systems have no MDS/SDS`,
    'disclosures-outdated': (c, p) => `The MDS/SDS of ${c} systems predates JAHIS ${p.latest} (ask for the version that is the latest at the time)`,
    'disclosures-complete': (c) => `An MDS/SDS has been received for all ${c} contracted systems`,
    'contact-chart-missing': () => 'There is no incident contact chart yet',
    'contact-chart-lacks': (_, p) => `The contact chart has no ${p.missing} entry`,
    'contact-chart-complete': (c, p) => `The contact chart has ${c} contacts, including ${p.required}`,
    'backups-none': () => 'No backup plan is registered',
    'backups-few-generations': (c) => `${c} backups keep fewer than 3 generations`,
    'backups-no-offline': () => 'Note: no backup is kept offline or write-protected (the manual calls it desirable)',
    'restore-test-missing': (_, p) => `No restore test within ${p.months} months`,
    'restore-test-failed': (c) => `The last restore test of ${c} backups did not succeed`,
    'backups-ready': (c, p) => `${c} backups, 3+ generations, restore procedure confirmed on ${p.testedOn}`,
    'bcp-missing': () => 'There is no BCP for cyber attacks yet',
    'bcp-planned': (_, p) => `There is no BCP yet (planned for ${p.plannedOn})`,
    'bcp-plan-counts': (_, p) => `A BCP is planned by ${p.plannedOn}; this year's form counts a plan as "yes" (within ${p.untilFy})`,
    'bcp-not-reviewed': (_, p) =>
      p.reviewedOn
        ? `The BCP was last reviewed on ${p.reviewedOn}, more than ${p.months} months ago`
        : `The BCP has never been reviewed or drilled (needed within ${p.months} months)`,
    'bcp-ready': (_, p) => `BCP in place, reviewed or drilled on ${p.reviewedOn}`,
    'access-logs-none': () => 'No access log source (server or system) is registered: register one and ingest its logs',
    'access-logs-silent': (c, p) => `${c} source(s) sent no log for ${p.days} days or more: ${p.names}`,
    'access-logs-unreviewed': (c, p) => `Nobody signed off the logs of ${c} source(s) for ${p.days} days or more: ${p.names}`,
    'access-logs-managed': (c, p) => `${c} source(s) send logs, reviewed through ${p.reviewedThrough}`,
  },
};

export function findingReasonText(reason: FindingReason, locale: 'ja' | 'en' = 'ja'): string {
  return messages[locale][reason.code](reason.count, reason.params);
}

/** "いいえ: 退職者の利用者ID 3件が有効のままです。…" — the one-line summary used in answer notes. */
const suggestionWords = {
  ja: { yes: 'はい', no: 'いいえ', not_applicable: '該当なし', undetermined: '提案なし' },
  en: { yes: 'yes', no: 'no', not_applicable: 'not applicable', undetermined: 'no suggestion' },
} as const;

export function findingSummary(finding: Pick<Finding, 'suggestion' | 'reasons'>, locale: 'ja' | 'en' = 'ja'): string {
  const answer = suggestionWords[locale][finding.suggestion];
  const separator = locale === 'ja' ? '。' : '. ';
  return `${answer}: ${finding.reasons.map((r) => findingReasonText(r, locale)).join(separator)}`;
}

/** What is wrong with one listed record, in a few words (the list beside a finding, the evidence CSV). */
const recordLabels: Record<'ja' | 'en', Partial<Record<FindingReasonCode, string>>> = {
  ja: {
    'assets-without-kind': '機器区分が未入力',
    'remote-maintenance-unknown': 'リモートメンテナンス不明',
    'accounts-without-role': '権限なし',
    'accounts-retired-enabled': '退職者',
    'accounts-expired-enabled': '有効期限切れ',
    'accounts-unused': '長期未使用',
    'accounts-temporary-without-end': '一時利用で期限なし',
    'patches-pending': '未適用の更新あり',
    'patches-update-unknown': '更新状況が不明',
    'patches-unsupported': '更新不可',
    'patches-long-ago': '最終パッチが古い（要確認）',
    'external-connection-unknown': '外部接続が不明',
    'os-end-of-life': 'サポート終了OS',
    'os-end-of-life-accepted': 'サポート終了OS（リスク受容あり・要目標日）',
    'source-restriction-missing': '接続元制限なし',
    'source-restriction-unrecorded': '接続元制限が未記録',
    'services-not-reviewed': '不要サービス未確認',
    'disclosures-missing': 'MDS/SDSなし',
    'disclosures-outdated': 'MDS/SDSが旧版',
    'backups-few-generations': '3世代未満',
    'restore-test-failed': '復旧確認が失敗',
    'access-logs-silent': 'ログが届いていない',
    'access-logs-unreviewed': '確認（承認）されていない',
  },
  en: {
    'assets-without-kind': 'no kind',
    'remote-maintenance-unknown': 'remote maintenance unknown',
    'accounts-without-role': 'no role',
    'accounts-retired-enabled': 'retired',
    'accounts-expired-enabled': 'expired',
    'accounts-unused': 'unused',
    'accounts-temporary-without-end': 'temporary, no end date',
    'patches-pending': 'updates pending',
    'patches-update-unknown': 'update status unknown',
    'patches-unsupported': 'cannot be updated',
    'patches-long-ago': 'patched long ago (check)',
    'external-connection-unknown': 'external connection unknown',
    'os-end-of-life': 'OS past end of life',
    'os-end-of-life-accepted': 'OS past end of life (risk accepted)',
    'source-restriction-missing': 'no source restriction',
    'source-restriction-unrecorded': 'source restriction not recorded',
    'services-not-reviewed': 'services not reviewed',
    'disclosures-missing': 'no MDS/SDS',
    'disclosures-outdated': 'MDS/SDS in an older version',
    'backups-few-generations': 'fewer than 3 generations',
    'restore-test-failed': 'restore test failed',
    'access-logs-silent': 'no logs arriving',
    'access-logs-unreviewed': 'not signed off',
  },
};

export function findingRecordReasonText(code: FindingReasonCode, locale: 'ja' | 'en' = 'ja'): string {
  return recordLabels[locale][code] ?? code;
}

/**
 * Every action the audit trail records, in one typed list: the server can only write these, and the audit page names
 * and filters them. Grouped by the kind of record they are about, so a filter can ask for "every change to the
 * ledgers". Labels are plain words for the people reading the trail (Japanese first).
 */
const catalog = {
  access: {
    'user.login': ['ログイン', 'Signed in'],
    'user.logout': ['ログアウト', 'Signed out'],
    'user.logout_all': ['全端末からログアウト', 'Signed out everywhere'],
    'user.locked': ['アカウントのロック', 'Account locked'],
    'user.create': ['アカウントの作成', 'Account created'],
    'user.update': ['アカウント情報の変更', 'Account changed'],
    'user.password_change': ['パスワードの変更', 'Password changed'],
    'user.password_reset': ['パスワードの再発行', 'Password reset'],
    'user.totp_enable': ['二要素認証を有効化', 'Two-factor sign-in turned on'],
    'user.totp_disable': ['二要素認証を無効化', 'Two-factor sign-in turned off'],
    'api_token.create': ['APIトークンの作成', 'API token created'],
    'api_token.delete': ['APIトークンの削除', 'API token deleted'],
    'secrets.reseal': ['秘密情報の再暗号化（鍵の交換）', 'Secrets re-encrypted (key rotation)'],
  },
  organization: {
    'organization.create': ['法人の作成', 'Organization created'],
    'organization.update': ['法人設定の変更', 'Organization settings changed'],
    'organization_member.grant': ['法人管理者の追加', 'Organization administrator added'],
    'facility.create': ['施設の登録', 'Facility registered'],
    'facility.update': ['施設情報の変更', 'Facility details changed'],
    'facility.findingThresholds': ['台帳の提案の基準を変更', 'Suggestion thresholds changed'],
    'facility_member.grant': ['施設メンバーの追加', 'Facility member added'],
    'facility_member.update': ['役割の変更', 'Role changed'],
    'facility_member.remove': ['施設メンバーの削除', 'Facility member removed'],
    'invitation.create': ['招待の作成', 'Invitation created'],
    'invitation.accept': ['招待の承諾', 'Invitation accepted'],
    'invitation.revoke': ['招待の取り消し', 'Invitation revoked'],
  },
  checklist: {
    'assessment.create': ['チェックリストの作成', 'Checklist created'],
    'assessment.update': ['チェックリストの設定変更', 'Checklist settings changed'],
    'answer.create': ['回答の記入', 'Answer entered'],
    'answer.update': ['回答の修正', 'Answer changed'],
    'answer.delete': ['回答の取り消し', 'Answer withdrawn'],
    'evidence.attach': ['根拠ファイルの添付', 'Evidence attached'],
    'evidence.detach': ['根拠ファイルの削除', 'Evidence removed'],
    'finding.accept': ['台帳からの提案を採用', 'Suggestion accepted'],
  },
  ledger: {
    'asset.create': ['機器の登録', 'Asset added'],
    'asset.update': ['機器の変更', 'Asset changed'],
    'asset.delete': ['機器の削除', 'Asset deleted'],
    'asset.import': ['機器の取り込み', 'Asset imported'],
    'account.create': ['利用者IDの登録', 'Account added'],
    'account.update': ['利用者IDの変更', 'Account changed'],
    'account.delete': ['利用者IDの削除', 'Account deleted'],
    'account.import': ['利用者IDの取り込み', 'Account imported'],
    'account.disable': ['利用者IDの無効化（棚卸し）', 'Account disabled (review)'],
    'ledger.import': ['台帳の取り込み', 'Ledger imported'],
    'ledger.review': ['台帳の確認・棚卸し', 'Ledger reviewed'],
    'endOfLife.create': ['サポート終了日の追加', 'End-of-life date added'],
    'endOfLife.delete': ['サポート終了日の削除', 'End-of-life date deleted'],
  },
  readiness: {
    'contactChart.save': ['連絡体制図の保存', 'Contact chart saved'],
    'backupPlan.create': ['バックアップ計画の登録', 'Backup plan added'],
    'backupPlan.update': ['バックアップ計画の変更', 'Backup plan changed'],
    'backupPlan.delete': ['バックアップ計画の削除', 'Backup plan deleted'],
    'restoreTest.create': ['復旧確認の記録', 'Restore test recorded'],
    'restoreTest.delete': ['復旧確認の削除', 'Restore test deleted'],
    'bcp.save': ['BCPの保存', 'BCP saved'],
    'bcp.document': ['BCP文書のアップロード', 'BCP document uploaded'],
    'bcp.record': ['BCPの見直し・訓練の記録', 'BCP review or drill recorded'],
    'bcp.record.delete': ['BCPの見直し・訓練の記録を削除', 'BCP review or drill deleted'],
    'incident.open': ['インシデント記録の開始', 'Incident opened'],
    'incident.update': ['インシデント記録の変更', 'Incident changed'],
    'incident.event': ['インシデントの対応記録', 'Incident action recorded'],
  },
  vendor: {
    'vendor.create': ['事業者の登録', 'Vendor added'],
    'vendor.merge': ['事業者の統合', 'Vendor merged'],
    'vendor_member.grant': ['事業者の利用者の追加', 'Vendor user added'],
    'contract.create': ['契約の登録', 'Contract added'],
    'contract.update': ['契約の変更', 'Contract changed'],
    'contract.delete': ['契約の削除', 'Contract deleted'],
    'vendor_form.request': ['事業者への記入依頼', 'Vendor form requested'],
    'vendor_form.resend': ['依頼メールの再送', 'Request resent'],
    'vendor_form.remind': ['督促メール', 'Reminder sent'],
    'vendor_form.update': ['契約対象外の項目の変更', 'Items out of contract changed'],
    'vendor_form.submit': ['事業者による提出', 'Vendor form submitted'],
    'vendor_form.query': ['事業者への質問（差し戻し）', 'Vendor form queried'],
    'vendor_form.accept': ['事業者の回答を確認済みに', 'Vendor form accepted'],
    'vendor_form.comment': ['質問・返信', 'Comment posted'],
    'vendor_invitation.create': ['事業者用リンクの発行', 'Vendor link issued'],
    'vendor_invitation.accept': ['事業者用リンクの利用', 'Vendor link used'],
    'answer_set.create': ['回答セットの作成', 'Answer set created'],
    'answer_set.update': ['回答セットの変更', 'Answer set changed'],
    'answer_set.delete': ['回答セットの削除', 'Answer set deleted'],
    'answer_set.apply': ['回答セットの適用', 'Answer set applied'],
    'disclosure.create': ['MDS/SDSの登録', 'MDS/SDS filed'],
    'disclosure.delete': ['MDS/SDSの削除', 'MDS/SDS deleted'],
    'role_sharing.propose': ['役割分担表の提案', 'Role-sharing table proposed'],
    'role_sharing.confirm': ['役割分担表の確認', 'Role-sharing table confirmed'],
  },
} as const satisfies Record<string, Record<string, readonly [string, string]>>;

export type AuditActionKind = keyof typeof catalog;
export const auditActionKinds = Object.keys(catalog) as AuditActionKind[];
export type AuditAction = { [K in AuditActionKind]: keyof (typeof catalog)[K] }[AuditActionKind];
export const auditActions = auditActionKinds.flatMap((kind) => Object.keys(catalog[kind])) as AuditAction[];

/** The actions of one kind of record (a filter "every change to the ledgers"). */
export function auditActionsOf(kind: AuditActionKind): AuditAction[] {
  return Object.keys(catalog[kind]) as AuditAction[];
}

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as string[]).includes(value);
}

/** An action in plain words; an action this version does not know (from an older or newer server) shows as stored. */
export function auditActionLabel(action: string, locale: 'ja' | 'en' = 'ja'): string {
  for (const kind of auditActionKinds) {
    const labels = (catalog[kind] as Record<string, readonly [string, string]>)[action];
    if (labels) return labels[locale === 'en' ? 1 : 0];
  }
  return action;
}

/**
 * Every action the audit trail records, in one typed list: the server can only write these, and the audit page names
 * and filters them. Grouped by the kind of record they are about, so a filter can ask for "every change to the
 * ledgers". Labels are plain words for the people reading the trail (Japanese first).
 */
const catalog = {
  access: {
    'user.login': ['ログイン', 'Signed in'],
    'user.logout': ['ログアウト', 'Signed out'],
    'user.logoutAll': ['全端末からログアウト', 'Signed out everywhere'],
    'user.locked': ['アカウントのロック', 'Account locked'],
    'user.create': ['アカウントの作成', 'Account created'],
    'user.update': ['アカウント情報の変更', 'Account changed'],
    'user.passwordChange': ['パスワードの変更', 'Password changed'],
    'user.passwordReset': ['パスワードの再発行', 'Password reset'],
    'user.disable': ['アカウントの無効化（ログイン停止）', 'Account disabled (no sign-in)'],
    'user.enable': ['アカウントの再有効化', 'Account enabled again'],
    'user.totpEnable': ['二要素認証を有効化', 'Two-factor sign-in turned on'],
    'user.totpDisable': ['二要素認証を無効化', 'Two-factor sign-in turned off'],
    'apiToken.create': ['APIトークンの作成', 'API token created'],
    'apiToken.delete': ['APIトークンの削除', 'API token deleted'],
    'user.notificationSettings': ['お知らせの設定の変更', 'Notification settings changed'],
    'secrets.reseal': ['秘密情報の再暗号化（鍵の交換）', 'Secrets re-encrypted (key rotation)'],
  },
  organization: {
    'organization.create': ['法人の作成', 'Organization created'],
    'organization.update': ['法人設定の変更', 'Organization settings changed'],
    'organizationMember.grant': ['法人管理者の追加', 'Organization administrator added'],
    'facility.create': ['施設の登録', 'Facility registered'],
    'facility.update': ['施設情報の変更', 'Facility details changed'],
    'facility.findingThresholds': ['台帳の提案の基準を変更', 'Suggestion thresholds changed'],
    'facility.accessLogSettings': ['アクセスログの警告の基準を変更', 'Access log alert settings changed'],
    'facilityMember.grant': ['施設メンバーの追加', 'Facility member added'],
    'facilityMember.update': ['役割の変更', 'Role changed'],
    'facilityMember.remove': ['施設メンバーの削除', 'Facility member removed'],
    'invitation.create': ['招待の作成', 'Invitation created'],
    'invitation.accept': ['招待の承諾', 'Invitation accepted'],
    'invitation.revoke': ['招待の取り消し', 'Invitation revoked'],
    'inspectionGrant.create': ['立入検査の閲覧許可', 'Inspector granted access'],
    'inspectionGrant.revoke': ['立入検査の閲覧許可の取り消し', 'Inspector access revoked'],
    'inspection.record': ['立入検査の記録（指摘事項）', 'Inspection recorded (findings)'],
    'inspectionFinding.answer': ['指摘事項への回答', 'Inspection finding answered'],
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
    'bcpDocument.upload': ['BCP文書のアップロード', 'BCP document uploaded'],
    'bcpRecord.create': ['BCPの見直し・訓練の記録', 'BCP review or drill recorded'],
    'bcpRecord.delete': ['BCPの見直し・訓練の記録を削除', 'BCP review or drill deleted'],
    'incident.open': ['インシデント記録の開始', 'Incident opened'],
    'incident.update': ['インシデント記録の変更', 'Incident changed'],
    'incident.event': ['インシデントの対応記録', 'Incident action recorded'],
  },
  accessLog: {
    'logSource.create': ['ログの取得元の登録', 'Log source added'],
    'logSource.update': ['ログの取得元の変更', 'Log source changed'],
    'logSource.rotateToken': ['ログ送信用トークンの再発行', 'Log ingest token reissued'],
    'accessLog.ingest': ['アクセスログの取り込み', 'Access log ingested'],
    'accessLog.checkpoint': ['アクセスログのチェックポイント', 'Access log checkpoint'],
    'accessLog.retention': ['保存期間を過ぎたアクセスログの削除', 'Access log past retention removed'],
    'accessLog.read': ['アクセスログの閲覧', 'Access log read'],
    'accessLogReview.create': ['アクセスログの確認（期間の承認）', 'Access log period signed off'],
  },
  vendor: {
    'vendor.create': ['事業者の登録', 'Vendor added'],
    'vendor.merge': ['事業者の統合', 'Vendor merged'],
    'vendorMember.grant': ['事業者の利用者の追加', 'Vendor user added'],
    'contract.create': ['契約の登録', 'Contract added'],
    'contract.update': ['契約の変更', 'Contract changed'],
    'contract.delete': ['契約の削除', 'Contract deleted'],
    'vendorForm.request': ['事業者への記入依頼', 'Vendor form requested'],
    'vendorForm.resend': ['依頼メールの再送', 'Request resent'],
    'vendorForm.remind': ['督促メール', 'Reminder sent'],
    'vendorForm.update': ['契約対象外の項目の変更', 'Items out of contract changed'],
    'vendorForm.submit': ['事業者による提出', 'Vendor form submitted'],
    'vendorForm.query': ['事業者への質問（差し戻し）', 'Vendor form queried'],
    'vendorForm.accept': ['事業者の回答を確認済みに', 'Vendor form accepted'],
    'vendorForm.comment': ['質問・返信', 'Comment posted'],
    'vendorInvitation.create': ['事業者用リンクの発行', 'Vendor link issued'],
    'vendorInvitation.accept': ['事業者用リンクの利用', 'Vendor link used'],
    'answerSet.create': ['回答セットの作成', 'Answer set created'],
    'answerSet.update': ['回答セットの変更', 'Answer set changed'],
    'answerSet.delete': ['回答セットの削除', 'Answer set deleted'],
    'answerSet.apply': ['回答セットの適用', 'Answer set applied'],
    'disclosure.create': ['MDS/SDSの登録', 'MDS/SDS filed'],
    'disclosure.delete': ['MDS/SDSの削除', 'MDS/SDS deleted'],
    'roleSharing.propose': ['役割分担表の提案', 'Role-sharing table proposed'],
    'roleSharing.confirm': ['役割分担表の確認', 'Role-sharing table confirmed'],
  },
} as const satisfies Record<string, Record<string, readonly [string, string]>>;

export type AuditActionKind = keyof typeof catalog;
export const auditActionKinds = Object.keys(catalog) as AuditActionKind[];
export type AuditAction = { [K in AuditActionKind]: keyof (typeof catalog)[K] }[AuditActionKind];
export const auditActions = auditActionKinds.flatMap((kind) => Object.keys(catalog[kind])) as AuditAction[];

/**
 * How actions were spelt before they were made one style (`<record>.<verb>`, both camelCase). Stored events
 * keep the action they were written with — the audit chain's hashes cover it — so reading, labelling and
 * filtering take both spellings; the server writes only the typed ones above.
 */
const formerSpellings: Record<string, AuditAction> = {
  'answer_set.apply': 'answerSet.apply',
  'answer_set.create': 'answerSet.create',
  'answer_set.delete': 'answerSet.delete',
  'answer_set.update': 'answerSet.update',
  'api_token.create': 'apiToken.create',
  'api_token.delete': 'apiToken.delete',
  'bcp.document': 'bcpDocument.upload',
  'bcp.record': 'bcpRecord.create',
  'bcp.record.delete': 'bcpRecord.delete',
  'facility_member.grant': 'facilityMember.grant',
  'facility_member.remove': 'facilityMember.remove',
  'facility_member.update': 'facilityMember.update',
  'organization_member.grant': 'organizationMember.grant',
  'role_sharing.confirm': 'roleSharing.confirm',
  'role_sharing.propose': 'roleSharing.propose',
  'user.logout_all': 'user.logoutAll',
  'user.password_change': 'user.passwordChange',
  'user.password_reset': 'user.passwordReset',
  'user.totp_disable': 'user.totpDisable',
  'user.totp_enable': 'user.totpEnable',
  'vendor_form.accept': 'vendorForm.accept',
  'vendor_form.comment': 'vendorForm.comment',
  'vendor_form.query': 'vendorForm.query',
  'vendor_form.remind': 'vendorForm.remind',
  'vendor_form.request': 'vendorForm.request',
  'vendor_form.resend': 'vendorForm.resend',
  'vendor_form.submit': 'vendorForm.submit',
  'vendor_form.update': 'vendorForm.update',
  'vendor_invitation.accept': 'vendorInvitation.accept',
  'vendor_invitation.create': 'vendorInvitation.create',
  'vendor_member.grant': 'vendorMember.grant',
};

/** The action a stored event means, whichever spelling it was written with. */
export const currentAuditAction = (stored: string): string => formerSpellings[stored] ?? stored;

/** The actions of one kind of record (a filter "every change to the ledgers"). */
export function auditActionsOf(kind: AuditActionKind): AuditAction[] {
  return Object.keys(catalog[kind]) as AuditAction[];
}

/** Every spelling stored events of these actions can carry: what a filter on them matches in the database. */
export function storedSpellingsOf(actions: readonly string[]): string[] {
  const wanted = new Set(actions);
  return [...actions, ...Object.keys(formerSpellings).filter((former) => wanted.has(formerSpellings[former]!))];
}

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as string[]).includes(value);
}

/** An action in plain words; an action this version does not know (from an older or newer server) shows as stored. */
export function auditActionLabel(action: string, locale: 'ja' | 'en' = 'ja'): string {
  const current = currentAuditAction(action);
  for (const kind of auditActionKinds) {
    const labels = (catalog[kind] as Record<string, readonly [string, string]>)[current];
    if (labels) return labels[locale === 'en' ? 1 : 0];
  }
  return action;
}

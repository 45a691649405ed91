import type { AccountFieldKey, AssetFieldKey, LedgerKind } from './model.js';

/**
 * How a ledger column is read from a spreadsheet cell. Enum values list the words people actually
 * type (Japanese and English); matching ignores case, width and spaces.
 */
export type ColumnType =
  | { kind: 'text'; maxLength: number }
  | { kind: 'date' }
  | { kind: 'ip' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: Record<string, readonly string[]> }
  | { kind: 'restrictions' };

export interface ColumnDefinition<Key extends string = string> {
  field: Key;
  /** The heading Mamori writes on export: the manual's wording where the manual has the column. */
  header: { ja: string; en: string };
  /** Further headings recognised on import (normalised before comparison). */
  synonyms: readonly string[];
  type: ColumnType;
  /** The link column: decides whether a row updates an existing record or creates one. */
  link?: true;
  /** Read on import only, into other fields (氏名 → 性 and 名); exports write those fields' own columns. */
  importOnly?: true;
}

/** 氏名 in one column, as most ledgers keep it: split into 性 and 名 on the first space, or kept whole as 性. */
export const fullNameField = 'fullName';

const text = (maxLength = 500): ColumnType => ({ kind: 'text', maxLength });

export const assetColumns: readonly ColumnDefinition<AssetFieldKey>[] = [
  {
    field: 'managementNumber',
    header: { ja: '管理番号', en: 'Asset number' },
    synonyms: ['機器番号', '資産番号', 'asset id', 'asset no', 'management number'],
    type: text(100),
    link: true,
  },
  { field: 'maker', header: { ja: 'メーカー', en: 'Maker' }, synonyms: ['製造元', '製造業者', 'メーカ', 'manufacturer', 'vendor name'], type: text() },
  { field: 'os', header: { ja: 'OS', en: 'OS' }, synonyms: ['オペレーティングシステム', 'operating system', 'OS名'], type: text(200) },
  { field: 'osVersion', header: { ja: 'OSバージョン', en: 'OS version' }, synonyms: ['OS版数', 'os build'], type: text(100) },
  {
    field: 'firmwareVersion',
    header: { ja: 'ファームウェアバージョン', en: 'Firmware version' },
    synonyms: ['ファームウェア', 'firmware', 'FWバージョン'],
    type: text(100),
  },
  { field: 'software', header: { ja: 'ソフトウェア', en: 'Software' }, synonyms: ['ソフト', 'アプリケーション', 'application'], type: text() },
  {
    field: 'softwareVersion',
    header: { ja: 'ソフトウェアバージョン', en: 'Software version' },
    synonyms: ['バージョン', 'version', 'ソフトウェア版数'],
    type: text(100),
  },
  { field: 'ipAddress', header: { ja: 'IPアドレス', en: 'IP address' }, synonyms: ['IP', 'ip addr'], type: { kind: 'ip' } },
  {
    field: 'computerName',
    header: { ja: 'コンピュータ名', en: 'Computer name' },
    synonyms: ['コンピューター名', 'ホスト名', '機器名', 'hostname', 'host name', 'device name'],
    type: text(200),
  },
  { field: 'location', header: { ja: '設置場所', en: 'Location' }, synonyms: ['場所', '設置箇所', 'place'], type: text(200) },
  { field: 'users', header: { ja: '利用者', en: 'Users' }, synonyms: ['使用者', 'user', '担当者'], type: text() },
  {
    field: 'registeredOn',
    header: { ja: '登録日', en: 'Registered on' },
    synonyms: ['導入日', '登録年月日', 'registered', 'registration date'],
    type: { kind: 'date' },
  },
  {
    field: 'status',
    header: { ja: '状態', en: 'Status' },
    synonyms: ['ステータス', '稼働状況', 'state'],
    type: {
      kind: 'enum',
      values: {
        active: ['稼働', '稼働中', '使用中', '運用中', 'active', 'in use'],
        stopped: ['停止', '停止中', '休止', 'stopped', 'inactive'],
        retired: ['廃棄', '廃止', '撤去', 'retired', 'disposed'],
      },
    },
  },
  { field: 'description', header: { ja: '説明', en: 'Description' }, synonyms: ['備考', 'メモ', 'note', 'notes', 'remarks'], type: text(2000) },
  {
    field: 'modelNumber',
    header: { ja: '型番', en: 'Model number' },
    synonyms: ['型式', '機種', '機種名', 'モデル', 'model', 'model number', 'model no'],
    type: text(200),
  },
  {
    field: 'kind',
    header: { ja: '機器区分', en: 'Kind' },
    synonyms: ['区分', '種別', '機器種別', 'type', 'category'],
    type: {
      kind: 'enum',
      values: {
        server: ['サーバ', 'サーバー', 'server'],
        terminal: ['端末', '端末PC', 'PC', 'パソコン', 'タブレット', 'terminal', 'terminal pc', 'client'],
        network: [
          'ネットワーク機器',
          'ネットワーク',
          'ルータ',
          'ルーター',
          'スイッチ',
          'UTM',
          'ファイアウォール',
          'network',
          'network device',
          'router',
          'firewall',
        ],
        medical_device: ['医療機器', 'medical device'],
        cloud: ['クラウド', 'クラウドサービス', 'cloud', 'cloud service'],
      },
    },
  },
  {
    field: 'cloudModel',
    header: { ja: 'クラウド形態', en: 'Cloud model' },
    synonyms: ['サービス形態', 'cloud type'],
    type: { kind: 'enum', values: { daas: ['DaaS'], saas: ['SaaS'], iaas: ['IaaS'], paas: ['PaaS'] } },
  },
  {
    field: 'holdsPatientData',
    header: { ja: '患者情報', en: 'Holds patient data' },
    synonyms: ['患者情報の有無', '医療情報', 'patient data'],
    type: { kind: 'boolean' },
  },
  {
    field: 'remoteMaintenance',
    header: { ja: 'リモートメンテナンス', en: 'Remote maintenance' },
    synonyms: ['リモート保守', '遠隔保守', 'リモートメンテナンスの有無', 'remote access'],
    type: {
      kind: 'enum',
      values: {
        yes: ['あり', '有', '有り', 'はい', 'yes', 'y', '○', '〇'],
        no: ['なし', '無', '無し', 'いいえ', 'no', 'n', '×'],
        unknown: ['不明', '未確認', 'unknown', '?', '？'],
      },
    },
  },
  {
    field: 'remoteMaintenanceBy',
    header: { ja: 'リモートメンテナンス実施者', en: 'Remote maintenance by' },
    synonyms: ['保守事業者', '保守業者', 'maintained by'],
    type: text(200),
  },
  { field: 'vendor', header: { ja: '事業者', en: 'Vendor' }, synonyms: ['ベンダー', 'ベンダ', '販売元', '保守会社', 'supplier'], type: text(200) },
  { field: 'system', header: { ja: 'システム', en: 'System' }, synonyms: ['システム名', '所属システム', 'system name'], type: text(200) },
  {
    field: 'lastPatchedOn',
    header: { ja: '最終パッチ適用日', en: 'Last patched on' },
    synonyms: ['パッチ適用日', '更新日', '最終更新日', 'last patch', 'patched on'],
    type: { kind: 'date' },
  },
  {
    field: 'updateStatus',
    header: { ja: '更新状況', en: 'Update status' },
    synonyms: ['パッチ適用状況', '更新プログラム適用状況', 'アップデート状況', 'update status', 'patch status'],
    type: {
      kind: 'enum',
      values: {
        latest: ['最新', '最新版', '適用済', '適用済み', 'latest', 'up to date', 'current'],
        pending: ['未適用の更新あり', '未適用', '更新あり', '要更新', 'pending', 'outdated'],
        unsupported: ['更新不可', '適用不可', '更新できない', 'unsupported', 'cannot update'],
        unknown: ['不明', '未確認', 'unknown', '?', '？'],
      },
    },
  },
  {
    field: 'servicesReviewedOn',
    header: { ja: '不要サービス確認日', en: 'Services reviewed on' },
    synonyms: ['サービス確認日', 'services reviewed'],
    type: { kind: 'date' },
  },
  {
    field: 'externalConnection',
    header: { ja: '外部接続', en: 'External connection' },
    synonyms: ['外部接続の有無', 'インターネット接続', '外部ネットワーク接続', '無線LAN', 'external connection', 'internet'],
    type: {
      kind: 'enum',
      values: {
        yes: ['あり', '有', '有り', 'はい', 'yes', 'y', '○', '〇'],
        no: ['なし', '無', '無し', 'いいえ', 'no', 'n', '×'],
        unknown: ['不明', '未確認', 'unknown', '?', '？'],
      },
    },
  },
  {
    field: 'sourceRestrictions',
    header: { ja: '接続元制限', en: 'Source restriction' },
    synonyms: ['送信元制限', 'アクセス制限', 'source restriction'],
    type: { kind: 'restrictions' },
  },
  {
    field: 'endOfLifeOn',
    header: { ja: 'サポート終了日', en: 'End of life' },
    synonyms: ['EOL', 'サポート期限', '保守期限', 'end of support'],
    type: { kind: 'date' },
  },
  { field: 'riskAcceptance', header: { ja: 'リスク受容', en: 'Risk acceptance' }, synonyms: ['代替策', 'リスク対応', 'risk acceptance'], type: text(2000) },
];

export const accountColumns: readonly ColumnDefinition<AccountFieldKey | typeof fullNameField>[] = [
  {
    field: 'loginId',
    header: { ja: 'ユーザID', en: 'User ID' },
    synonyms: ['ユーザーID', 'ユーザＩＤ', '利用者ID', 'ログインID', 'アカウント', 'user id', 'login id', 'account'],
    type: text(200),
    link: true,
  },
  { field: 'system', header: { ja: 'システム', en: 'System' }, synonyms: ['システム名', '対象システム', 'system name'], type: text(200) },
  {
    field: 'scope',
    header: { ja: '対象機器', en: 'Scope' },
    synonyms: ['区分', '機器区分'],
    type: { kind: 'enum', values: { server: ['サーバ', 'サーバー', 'server', 'アプリケーション'], terminal: ['端末', '端末PC', 'PC', 'terminal'] } },
  },
  { field: 'department', header: { ja: '所属部署', en: 'Department' }, synonyms: ['部署', '所属', '診療科', 'department'], type: text(200) },
  {
    field: 'jobType',
    header: { ja: '職種', en: 'Job type' },
    synonyms: ['職種名', '資格', '職名', 'job type', 'job', 'occupation', 'profession'],
    type: text(100),
  },
  { field: 'familyName', header: { ja: '性', en: 'Family name' }, synonyms: ['姓', '氏', 'family name', 'last name', 'surname'], type: text(100) },
  { field: 'givenName', header: { ja: '名', en: 'Given name' }, synonyms: ['given name', 'first name'], type: text(100) },
  {
    field: fullNameField,
    header: { ja: '氏名', en: 'Full name' },
    synonyms: ['名前', '利用者名', '職員名', 'name', 'full name'],
    type: text(201),
    importOnly: true,
  },
  { field: 'phone', header: { ja: '電話番号', en: 'Phone' }, synonyms: ['内線', '連絡先', 'tel', 'phone number'], type: text(50) },
  { field: 'description', header: { ja: '説明', en: 'Description' }, synonyms: ['備考', 'メモ', 'note', 'notes'], type: text(2000) },
  { field: 'role', header: { ja: '権限', en: 'Role' }, synonyms: ['権限区分', 'ロール', 'アクセス権限', 'permission', 'privilege'], type: text(200) },
  {
    field: 'enabled',
    header: { ja: '状態', en: 'Status' },
    synonyms: ['ステータス', '有効', 'state', 'enabled'],
    type: {
      kind: 'enum',
      values: {
        true: ['使用可', '有効', '利用可', '使用中', 'enabled', 'active', 'yes'],
        false: ['使用不可', '無効', '停止', '利用停止', 'disabled', 'inactive', 'no'],
      },
    },
  },
  {
    field: 'validFrom',
    header: { ja: '有効期間開始', en: 'Valid from' },
    synonyms: ['開始日', '利用開始日', 'valid from', 'start date'],
    type: { kind: 'date' },
  },
  {
    field: 'validTo',
    header: { ja: '有効期間終了', en: 'Valid to' },
    synonyms: ['終了日', '利用終了日', '有効期限', 'valid to', 'end date', 'expires'],
    type: { kind: 'date' },
  },
  {
    field: 'lastLoginOn',
    header: { ja: '最終ログイン日', en: 'Last login' },
    synonyms: ['最終ログイン', '最終利用日', 'last login', 'last logon'],
    type: { kind: 'date' },
  },
  { field: 'temporary', header: { ja: '一時利用', en: 'Temporary' }, synonyms: ['臨時', '派遣', '一時', 'temporary'], type: { kind: 'boolean' } },
  { field: 'retired', header: { ja: '退職', en: 'Retired' }, synonyms: ['退職者', '退職済', 'retired', 'left'], type: { kind: 'boolean' } },
];

export function columnsOf(ledger: LedgerKind): readonly ColumnDefinition[] {
  return ledger === 'assets' ? assetColumns : accountColumns;
}

/** Words that mean yes / no in boolean cells. */
export const booleanWords = {
  // 退職 / 臨時 written in their own column mean yes: people type the column's word rather than ○.
  true: ['はい', 'あり', '有', '有り', 'yes', 'y', 'true', '1', '○', '〇', '✓', '済', '退職', '退職済', '退職済み', '臨時', '一時', '派遣'],
  false: ['いいえ', 'なし', '無', '無し', 'no', 'n', 'false', '0', '×', '-'],
} as const;

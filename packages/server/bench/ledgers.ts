// `node --import tsx packages/server/bench/ledgers.ts [--no-record]` — issue 4's figures: importing a
// 50,000-row asset CSV (preview and commit, first import and re-imports) and the ledger findings of a
// facility with 10,000 accounts, on PGlite (a data dir on disk) and PostgreSQL, in process, through the
// server's own code (openDatabase, runMigrations, importLedger, findingsView).
//
// Every figure is checked: an import that reports errors or other counts than expected stops the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  builtInEndOfLife,
  computeFindings,
  defaultFindingThresholds,
  readLedgerRows,
  todayInTokyo,
  type AccountFields,
  type AssetFields,
  type Finding,
  type ImportResult,
  type LedgerFacts,
} from '@mamori/domain';
import { and, count, eq, type SQL } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { eventHash, GENESIS_HASH } from '../src/audit/canonical.js';
import { recordAuditBatch, type AuditEntry } from '../src/audit/record.js';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { openDatabase, type Database, type Db } from '../src/db/connect.js';
import { runMigrations } from '../src/db/migrate.js';
import { accounts, assets, auditEvents, ledgerReviews } from '../src/db/schema.js';
import { insertFacility } from '../src/facilities/service.js';
import { loadLedgerFacts } from '../src/findings/facts.js';
import { findingsView } from '../src/findings/present.js';
import { assetLedger } from '../src/ledgers/definitions.js';
import { importLedger, type ImportInput } from '../src/ledgers/import.js';
import { planImport } from '../src/ledgers/import-plan.js';
import { readSpreadsheet } from '../src/ledgers/read-file.js';
import { insertOrganization } from '../src/organizations/service.js';
import type { FacilityRow } from '../src/tenancy/scope.js';
import { openWorkers } from '../src/workers/pool.js';
import { cleanupAll, cleanUpOnSignals, onCleanup } from './processes.js';
import { recordSection } from './report.js';
import { freshPostgres, postgresUrl } from './postgres.js';

const HEADING = '## Issue 4 — ledger import and findings';
const ROWS = 50_000;
const ACCOUNTS = 10_000;
const FINDING_ASSETS = 2_000;
const PURE_RUNS = 20;
const DB_RUNS = 10;
const AIM_IMPORT_MS = 10_000;
const AIM_FINDINGS_MS = 200;
const POOL_SIZE = 10;

const root = fileURLToPath(new URL('../../../', import.meta.url));
const docsFile = path.join(root, 'docs/benchmarks.md');
const record = !process.argv.includes('--no-record');
const context = { actorId: null, ip: 'bench' };
const catalog = loadCatalog();

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

function fail(message: string): never {
  throw new Error(message);
}

cleanUpOnSignals('PostgreSQL');

// ---------------------------------------------------------------------------------------------------------------------
// Generated data: deterministic (seeded), realistic variety.

/** mulberry32: a small seeded PRNG so every run imports the same file. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const today = todayInTokyo();

function shiftDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A date as people type it: 2020/12/1, 令和2年12月1日, 2020-12-01, R2.12.1, 平成30年4月1日. */
function writtenDate(iso: string, style: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const reiwa = iso >= '2019-05-01';
  const eraYear = reiwa ? y - 2018 : y - 1988;
  const eraText = eraYear === 1 ? '元' : String(eraYear);
  switch (style % 4) {
    case 0:
      return `${y}/${m}/${d}`;
    case 1:
      return `${reiwa ? '令和' : '平成'}${eraText}年${m}月${d}日`;
    case 2:
      return iso;
    default:
      return `${reiwa ? 'R' : 'H'}${eraYear}.${m}.${d}`;
  }
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)]!;

const HEADERS = [
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
  '機器区分',
  'リモートメンテナンス',
  '最終パッチ適用日',
];
const KINDS = [
  { word: '端末', prefix: 'PC', share: 0.62 },
  { word: 'PC', prefix: 'PC', share: 0.08 },
  { word: 'サーバ', prefix: 'SV', share: 0.08 },
  { word: 'ネットワーク機器', prefix: 'NW', share: 0.07 },
  { word: 'ルータ', prefix: 'NW', share: 0.03 },
  { word: '医療機器', prefix: 'ME', share: 0.1 },
  { word: '', prefix: 'XX', share: 0.02 },
] as const;
const MAKERS = ['富士通', 'NEC', '日立製作所', 'キヤノンメディカルシステムズ', 'Dell', 'HP', 'レノボ・ジャパン', 'シスコシステムズ', 'ヤマハ', 'オリンパス'];
const OS_BY_PREFIX: Record<string, readonly string[]> = {
  PC: ['Windows 11 Pro 23H2', 'Windows 11 Enterprise 24H2', 'Windows 10 Pro 22H2', 'Windows 10 Enterprise LTSC 2019', 'Windows 8.1', 'macOS 14'],
  SV: ['Windows Server 2019', 'Windows Server 2022', 'Windows Server 2012 R2', 'Red Hat Enterprise Linux 8', 'Ubuntu 22.04 LTS'],
  NW: ['YAMAHA RTX ファームウェア', 'Cisco IOS XE', 'FortiOS 7.2', ''],
  ME: ['Windows 10 IoT Enterprise LTSC 2021', 'Windows 7', '組込みOS', ''],
  XX: ['', 'Windows 11 Pro 23H2'],
};
const SOFTWARE = [
  '電子カルテ クライアント',
  '医事会計システム',
  'PACS ビューア',
  'オーダリングシステム',
  '検体検査システム',
  'Microsoft Office 2021',
  'ウイルス対策ソフト',
  '予約システム',
  '',
];
const LOCATIONS = [
  '1階 受付',
  '2階 診察室3',
  '3階 ナースステーション',
  '放射線科 読影室',
  'サーバ室',
  '検査室',
  '薬剤部',
  '医事課',
  '4階 病棟 東',
  'リハビリテーション室',
];
const USERS = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健', '医事課 共用', '看護部 共用', '外来 共用', ''];
const DESCRIPTIONS = [
  '電子カルテ端末（外来）',
  '保守契約: 2027年3月まで、年1回点検',
  'ベンダー "A社" が管理',
  '夜間は停止',
  '検査装置に接続',
  '',
  '',
  '院内LAN（医療情報系）',
];
const REMOTE = ['あり', 'なし', '不明', '〇', '×', 'なし'];

interface GeneratedAsset {
  cells: string[];
  managementNumber: string;
  registeredOn: string;
  lastPatchedOn: string | null;
}

/** One row of the asset ledger; deterministic in i. */
function assetRow(i: number): GeneratedAsset {
  const r = prng(1_000_003 * (i + 1));
  let x = r();
  let kind: (typeof KINDS)[number] = KINDS[0];
  for (const k of KINDS) {
    if (x < k.share) {
      kind = k;
      break;
    }
    x -= k.share;
  }
  const number = `${kind.prefix}-${String(i + 1).padStart(6, '0')}`;
  const registeredOn = shiftDays('2012-04-01', Math.floor(r() * 5000));
  const patched = r() < 0.9 ? shiftDays(today, -2 - Math.floor(r() * 400)) : null;
  const ip = r() < 0.05 ? '' : r() < 0.03 ? 'DHCP' : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255 || 1}`;
  const cells = [
    number,
    pick(MAKERS, r()),
    pick(OS_BY_PREFIX[kind.prefix]!, r()),
    pick(SOFTWARE, r()),
    `${1 + Math.floor(r() * 9)}.${Math.floor(r() * 20)}.${Math.floor(r() * 100)}`,
    ip,
    `${kind.prefix}${String(i + 1).padStart(6, '0')}`,
    pick(LOCATIONS, r()),
    pick(USERS, r()),
    writtenDate(registeredOn, i),
    r() < 0.9 ? '稼働' : '停止',
    pick(DESCRIPTIONS, r()),
    kind.word,
    pick(REMOTE, r()),
    patched ? writtenDate(patched, i + 1) : '',
  ];
  return { cells, managementNumber: number, registeredOn, lastPatchedOn: patched };
}

/** Every row with one field changed: 説明, 設置場所 or 最終パッチ適用日 in turn. */
function changedRow(row: GeneratedAsset, i: number): string[] {
  const cells = [...row.cells];
  if (i % 3 === 0) cells[11] = `${cells[11]}（2026年度棚卸で確認）`;
  else if (i % 3 === 1) cells[7] = `${cells[7]} 移設`;
  else cells[14] = writtenDate(shiftDays(today, -1), i);
  return cells;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvText(rows: readonly string[][]): string {
  const lines = ['機器台帳（ベンチマーク病院）', '', HEADERS.join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Findings data: 10,000 accounts and 2,000 assets with a realistic share of problems.

type AccountFacts = AccountFields & { id: string };
type AssetFacts = AssetFields & { id: string };

const SYSTEMS = ['電子カルテ', '医事会計', 'PACS', 'Windows ドメイン', '検査システム', '部門システム'];
const DEPARTMENTS = ['内科', '外科', '看護部', '放射線科', '検査科', '薬剤部', '医事課', '総務課'];
const FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健', '陽子', '翔太', '結衣'];
const ROLES = ['医師', '看護師', '事務', '技師', '薬剤師', 'システム管理者'];

interface AccountMix {
  retiredEnabled: number;
  expiredEnabled: number;
  unused: number;
  temporaryWithoutEnd: number;
  withoutRole: number;
}

function findingAccounts(): { rows: AccountFacts[]; expected: AccountMix } {
  const r = prng(42);
  const rows: AccountFacts[] = [];
  const expected: AccountMix = { retiredEnabled: 0, expiredEnabled: 0, unused: 0, temporaryWithoutEnd: 0, withoutRole: 0 };
  for (let i = 0; i < ACCOUNTS; i++) {
    const enabled = r() >= 0.06;
    const retired = r() < 0.03;
    const temporary = r() < 0.04;
    const validTo = r() < 0.05 ? shiftDays(today, -1 - Math.floor(r() * 300)) : temporary && r() < 0.5 ? shiftDays(today, 30) : null;
    const lastLoginOn = r() < 0.05 ? null : r() < 0.07 ? shiftDays(today, -91 - Math.floor(r() * 700)) : shiftDays(today, -Math.floor(r() * 60));
    const role = r() < 0.03 ? '' : pick(ROLES, r());
    const account: AccountFacts = {
      id: randomUUID(),
      loginId: `u${String(i + 1).padStart(5, '0')}`,
      system: pick(SYSTEMS, r()),
      scope: r() < 0.7 ? 'server' : 'terminal',
      department: pick(DEPARTMENTS, r()),
      jobType: pick(['医師', '看護師', '事務', '薬剤師'], r()),
      familyName: pick(FAMILY, r()),
      givenName: pick(GIVEN, r()),
      phone: `内線${1000 + Math.floor(r() * 9000)}`,
      description: '',
      role,
      enabled,
      validFrom: shiftDays('2015-04-01', Math.floor(r() * 3000)),
      validTo,
      lastLoginOn,
      temporary,
      retired,
    };
    rows.push(account);
    if (!enabled) continue;
    if (retired) expected.retiredEnabled++;
    if (validTo && validTo < today) expected.expiredEnabled++;
    if (lastLoginOn && lastLoginOn < shiftDays(today, -defaultFindingThresholds.unusedAccountDays)) expected.unused++;
    if (temporary && !validTo) expected.temporaryWithoutEnd++;
    if (role === '') expected.withoutRole++;
  }
  return { rows, expected };
}

function findingAssets(): AssetFacts[] {
  const r = prng(4242);
  const rows: AssetFacts[] = [];
  const kinds = ['terminal', 'terminal', 'terminal', 'server', 'network', 'medical_device', 'cloud', null] as const;
  for (let i = 0; i < FINDING_ASSETS; i++) {
    const kind = pick(kinds, r());
    const prefix = kind === 'server' ? 'SV' : kind === 'network' ? 'NW' : kind === 'medical_device' ? 'ME' : kind === 'cloud' ? 'CL' : 'PC';
    const os = pick(kind === 'server' ? OS_BY_PREFIX.SV! : kind === 'network' ? OS_BY_PREFIX.NW! : OS_BY_PREFIX.PC!, r());
    rows.push({
      id: randomUUID(),
      managementNumber: `${prefix}-${String(i + 1).padStart(5, '0')}`,
      maker: pick(MAKERS, r()),
      modelNumber: '',
      os,
      osVersion: '',
      firmwareVersion: kind === 'network' ? `${1 + Math.floor(r() * 15)}.${Math.floor(r() * 10)}` : '',
      software: pick(SOFTWARE, r()),
      softwareVersion: '1.0',
      ipAddress: `10.1.${(i >> 8) & 255}.${i & 255 || 1}`,
      computerName: `${prefix}${String(i + 1).padStart(5, '0')}`,
      location: pick(LOCATIONS, r()),
      users: pick(USERS, r()),
      registeredOn: shiftDays('2015-04-01', Math.floor(r() * 3000)),
      status: r() < 0.05 ? 'retired' : r() < 0.08 ? 'stopped' : 'active',
      description: '',
      kind,
      cloudModel: kind === 'cloud' ? pick(['saas', 'iaas', 'daas'] as const, r()) : null,
      holdsPatientData: r() < 0.6,
      remoteMaintenance: pick(['yes', 'no', 'no', 'unknown'] as const, r()),
      remoteMaintenanceBy: '',
      vendor: pick(['A社', 'B社', 'C社', ''], r()),
      system: pick(SYSTEMS, r()),
      lastPatchedOn: r() < 0.1 ? null : shiftDays(today, -Math.floor(r() * 150)),
      updateStatus: pick(['latest', 'latest', 'latest', 'pending', 'unknown'] as const, r()),
      servicesReviewedOn: r() < 0.2 ? null : shiftDays(today, -Math.floor(r() * 450)),
      externalConnection: kind === 'network' ? pick(['yes', 'no', 'unknown'] as const, r()) : 'unknown',
      sourceRestrictions: kind === 'network' ? (pick([null, [], ['ip'], ['mac', 'ip']] as const, r())?.slice() ?? null) : null,
      endOfLifeOn: null,
      riskAcceptance: r() < 0.05 ? '閉域網で運用し、USB を無効化' : '',
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------------
// Measuring

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const msText = (n: number) => (n < 10 ? `${fmt(n, 2)} ms` : n < 100 ? `${fmt(n, 1)} ms` : `${fmt(n)} ms`);
const secondsText = (ms: number) => `${fmt(ms / 1000, 2)} s`;

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function medianOf(runs: number, run: () => Promise<unknown> | unknown): Promise<{ median: number; min: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(run)).ms);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, min: times[0]!, max: times.at(-1)! };
}

function expectResult(
  label: string,
  result: ImportResult,
  want: { committed: boolean; created: number; updated: number; unchanged: number; encoding: string },
): void {
  const problems: string[] = [];
  if (result.errors.length > 0) {
    const shown = result.errors.slice(0, 5).map((e) => `row ${e.row ?? '-'} ${e.column ?? ''} "${e.value}": ${e.reason}`);
    problems.push(`${result.errors.length} errors, first: ${shown.join(' | ')}`);
  }
  if (result.rowCount !== ROWS) problems.push(`rowCount ${result.rowCount}, expected ${ROWS}`);
  for (const key of ['committed', 'created', 'updated', 'unchanged', 'encoding'] as const) {
    if (result[key] !== want[key]) problems.push(`${key} ${String(result[key])}, expected ${String(want[key])}`);
  }
  if (problems.length) fail(`${label}: unexpected import result — ${problems.join('; ')}`);
}

interface ImportFigures {
  dryRun: number;
  commit: number;
  reimportDryRun: number;
  reimportDryRunSjis: number;
  updateCommit: number;
  phases: Phases;
}

interface Phases {
  /** Reading the committed ledger back (the select the import plans against), 50,000 rows. */
  loadExisting: number;
  /** The same rows with a plain SQL query (no drizzle row mapping). */
  loadExistingRaw: number;
  /** planImport against the full ledger with every row changed. */
  plan: number;
  /** recordAuditBatch alone for 50,001 events (hashing + bulkInsert), in a transaction rolled back afterwards. */
  auditInsert: number;
}

interface DbFigures {
  label: string;
  note: string;
  import: ImportFigures | null;
  findings: FindingsFigures | null;
  skipped: string | null;
}

interface Spread {
  median: number;
  min: number;
  max: number;
}

interface FindingsFigures extends Spread {
  /** loadLedgerFacts alone (its six queries; each ledger comes back as one json_agg value). */
  load: number;
  /** For reference: SELECT * of the facility's accounts and assets with plain SQL, one row object per row. */
  loadRaw: number;
}

async function countWhere(db: Db, table: typeof assets | typeof auditEvents, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}

async function setupFacility(database: Database, name: string): Promise<FacilityRow> {
  return database.db.transaction(async (tx) => {
    const organization = await insertOrganization(tx, context, { name: `ベンチマーク医療法人 ${randomBytes(3).toString('hex')}`, requireTotp: false });
    return insertFacility(tx, context, organization.id, { name, kind: 'hospital', prefecture: '13', healthCenter: '新宿区保健所', bedCount: 300 });
  });
}

class Rollback extends Error {}

async function benchImport(
  database: Database,
  label: string,
  files: { utf8: Buffer; sjis: Buffer; changed: Buffer; sample: GeneratedAsset[] },
): Promise<ImportFigures> {
  const { db } = database;
  const facility = await setupFacility(database, 'ベンチ総合病院（取り込み）');
  const base: Omit<ImportInput, 'content' | 'commit'> = {
    facility,
    ledger: 'assets',
    fileName: 'assets.csv',
    locale: 'ja',
    context,
    reviewerName: 'ベンチ 太郎',
  };
  const run = async (step: string, content: Buffer, commit: boolean, want: Parameters<typeof expectResult>[2]) => {
    log(`${label}: ${step}`);
    // On this thread, as before the worker pool: the figure is the import's own work.
    const { ms, value } = await timed(() => importLedger(db, openWorkers(0), { ...base, content, commit }));
    expectResult(`${label} ${step}`, value, want);
    log(`${label}: ${step} ${secondsText(ms)} (${fmt(ROWS / (ms / 1000))} rows/s)`);
    return ms;
  };

  const dryRun = await run('dry-run into the empty ledger', files.utf8, false, {
    committed: false,
    created: ROWS,
    updated: 0,
    unchanged: 0,
    encoding: 'utf-8-bom',
  });
  const commit = await run('commit', files.utf8, true, { committed: true, created: ROWS, updated: 0, unchanged: 0, encoding: 'utf-8-bom' });

  // What the commit wrote: every row, an audit event per row plus one for the import, dates read right.
  const stored = await countWhere(db, assets, eq(assets.facilityId, facility.id));
  if (stored !== ROWS) fail(`${label}: ${stored} assets stored after the commit, expected ${ROWS}`);
  const events = await countWhere(db, auditEvents, and(eq(auditEvents.facilityId, facility.id), eq(auditEvents.action, 'asset.import')));
  if (events !== ROWS) fail(`${label}: ${events} asset.import audit events, expected ${ROWS}`);
  for (const sample of files.sample) {
    const [row] = await db
      .select()
      .from(assets)
      .where(and(eq(assets.facilityId, facility.id), eq(assets.managementNumber, sample.managementNumber)));
    if (!row || row.registeredOn !== sample.registeredOn || row.lastPatchedOn !== sample.lastPatchedOn) {
      fail(
        `${label}: ${sample.managementNumber} stored as registeredOn ${row?.registeredOn} / lastPatchedOn ${row?.lastPatchedOn}, expected ${sample.registeredOn} / ${sample.lastPatchedOn}`,
      );
    }
  }

  const reimportDryRun = await run('re-import dry-run (all unchanged)', files.utf8, false, {
    committed: false,
    created: 0,
    updated: 0,
    unchanged: ROWS,
    encoding: 'utf-8-bom',
  });
  const reimportDryRunSjis = await run('re-import dry-run, Shift_JIS file (all unchanged)', files.sjis, false, {
    committed: false,
    created: 0,
    updated: 0,
    unchanged: ROWS,
    encoding: 'shift_jis',
  });

  // Phases the import goes through, measured on their own against the full ledger.
  const { ms: loadExisting, value: existing } = await timed(() => db.select().from(assets).where(eq(assets.facilityId, facility.id)));
  const { ms: loadExistingRaw, value: raw } = await timed(() =>
    database.withConnection((query) => query('SELECT * FROM assets WHERE facility_id = $1', [facility.id])),
  );
  if (existing.length !== ROWS || raw.rows.length !== ROWS) fail(`${label}: read back ${existing.length} / ${raw.rows.length} assets, expected ${ROWS}`);
  const changedSheet = await readSpreadsheet(files.changed);
  const changedRecords = readLedgerRows({ ledger: 'assets', rows: changedSheet.rows, locale: 'ja' }).records;
  const { ms: plan, value: planned } = await timed(() => planImport(assetLedger, existing as Record<string, unknown>[], changedRecords));
  if (planned.updates.length !== ROWS) fail(`${label}: planImport found ${planned.updates.length} updates, expected ${ROWS}`);
  const auditBatch: AuditEntry[] = [
    { action: 'ledger.import', entityType: 'facility', entityId: facility.id, organizationId: facility.organizationId, facilityId: facility.id, changes: {} },
    ...planned.updates.map(
      (u): AuditEntry => ({
        action: 'asset.import',
        entityType: 'asset',
        entityId: u.id,
        organizationId: facility.organizationId,
        facilityId: facility.id,
        changes: u.changes,
      }),
    ),
  ];
  let auditInsert = 0;
  try {
    await db.transaction(async (tx) => {
      auditInsert = (await timed(() => recordAuditBatch(tx, context, auditBatch))).ms;
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }

  const updateCommit = await run('commit with every row changed (50,000 updates)', files.changed, true, {
    committed: true,
    created: 0,
    updated: ROWS,
    unchanged: 0,
    encoding: 'utf-8-bom',
  });
  const [versions] = await db
    .select({ n: count() })
    .from(assets)
    .where(and(eq(assets.facilityId, facility.id), eq(assets.version, 2)));
  if (Number(versions?.n) !== ROWS) fail(`${label}: ${versions?.n} assets at version 2 after the update commit, expected ${ROWS}`);
  const afterUpdate = await countWhere(db, auditEvents, and(eq(auditEvents.facilityId, facility.id), eq(auditEvents.action, 'asset.import')));
  if (afterUpdate !== 2 * ROWS) fail(`${label}: ${afterUpdate} asset.import audit events after the update commit, expected ${2 * ROWS}`);

  return { dryRun, commit, reimportDryRun, reimportDryRunSjis, updateCommit, phases: { loadExisting, loadExistingRaw, plan, auditInsert } };
}

function sameFindings(label: string, pure: readonly Finding[], viewed: readonly Finding[]): void {
  const key = (f: Finding) => `${f.topic}/${f.scope}`;
  const byKey = new Map(pure.map((f) => [key(f), f]));
  // The view also answers 3(1)–3(3) from incident readiness, which these rows do not touch.
  const incidentTopics = new Set(['contact-chart', 'backup-restore', 'bcp']);
  for (const v of viewed) {
    if (incidentTopics.has(v.topic)) continue;
    const p = byKey.get(key(v));
    const strip = (f: Finding) => JSON.stringify({ suggestion: f.suggestion, reasons: f.reasons, records: f.records });
    if (!p || strip(p) !== strip(v)) fail(`${label}: findingsView's ${key(v)} differs from computeFindings on the same rows`);
  }
}

async function benchFindings(
  database: Database,
  label: string,
  data: { accounts: AccountFacts[]; assets: AssetFacts[]; pure: Finding[] },
): Promise<FindingsFigures> {
  const { db } = database;
  const facility = await setupFacility(database, 'ベンチ総合病院（指摘）');
  const owner = { organizationId: facility.organizationId, facilityId: facility.id };
  log(`${label}: inserting ${fmt(ACCOUNTS)} accounts and ${fmt(FINDING_ASSETS)} assets for the findings`);
  for (let i = 0; i < data.accounts.length; i += 1000) await db.insert(accounts).values(data.accounts.slice(i, i + 1000).map((a) => ({ ...a, ...owner })));
  for (let i = 0; i < data.assets.length; i += 1000) await db.insert(assets).values(data.assets.slice(i, i + 1000).map((a) => ({ ...a, ...owner })));
  await db.insert(ledgerReviews).values([
    { ...owner, ledger: 'assets', reviewedOn: shiftDays(today, -200), reviewerName: 'ベンチ 太郎', note: '' },
    { ...owner, ledger: 'accounts', reviewedOn: shiftDays(today, -100), reviewerName: 'ベンチ 太郎', note: '' },
  ]);
  const run = () => findingsView(db, catalog, facility);
  const first = await run();
  if (first.findings.length === 0) fail(`${label}: findingsView returned no findings (edition ${first.edition})`);
  sameFindings(label, data.pure, first.findings);
  await run();
  log(`${label}: findingsView, median of ${DB_RUNS}`);
  const spread = await medianOf(DB_RUNS, run);
  const load = await medianOf(DB_RUNS, () => loadLedgerFacts(db, facility));
  const loadRaw = await medianOf(DB_RUNS, () =>
    database.withConnection(async (query) => {
      await query('SELECT * FROM accounts WHERE facility_id = $1', [facility.id]);
      await query('SELECT * FROM assets WHERE facility_id = $1', [facility.id]);
    }),
  );
  return { ...spread, load: load.median, loadRaw: loadRaw.median };
}

// ---------------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = new Date();
  const cores = os.availableParallelism();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load1 = os.loadavg()[0] ?? 0;
  log(`${cores} cores · ${cpu} · Node ${process.version}; load average ${load1.toFixed(2)}`);

  // 1. The files.
  const generated = Array.from({ length: ROWS }, (_, i) => assetRow(i));
  const text = csvText(generated.map((g) => g.cells));
  const utf8 = Buffer.from(`\ufeff${text}`, 'utf8');
  const sjis = iconv.encode(text, 'cp932');
  if (iconv.decode(sjis, 'cp932') !== text) fail('the generated CSV has characters Shift_JIS (CP932) cannot hold');
  const changed = Buffer.from(`\ufeff${csvText(generated.map((g, i) => changedRow(g, i)))}`, 'utf8');
  const sample = [0, 1, 2, 3, 12_345, ROWS - 1].map((i) => generated[i]!);
  const sheet = await readSpreadsheet(utf8);
  const rowsResult = readLedgerRows({ ledger: 'assets', rows: sheet.rows, locale: 'ja' });
  if (rowsResult.problems.length || rowsResult.records.length !== ROWS)
    fail(`readLedgerRows: ${rowsResult.records.length} records, problems: ${JSON.stringify(rowsResult.problems.slice(0, 3))}`);
  const files = { utf8, sjis, changed, sample };
  log(`CSV: ${fmt(ROWS)} rows, ${fmt(utf8.length / 2 ** 20, 1)} MiB UTF-8 with BOM, ${fmt(sjis.length / 2 ** 20, 1)} MiB Shift_JIS`);

  // 2. Pure phases of the import (no database): reading the file, reading the rows.
  for (let i = 0; i < 2; i++) readLedgerRows({ ledger: 'assets', rows: (await readSpreadsheet(utf8)).rows, locale: 'ja' });
  const readUtf8 = await medianOf(5, () => readSpreadsheet(utf8));
  const readSjis = await medianOf(5, () => readSpreadsheet(sjis));
  const readRows = await medianOf(5, () => readLedgerRows({ ledger: 'assets', rows: sheet.rows, locale: 'ja' }));
  const hashing = await timed(() => {
    let prevHash = GENESIS_HASH;
    const occurredAt = new Date();
    for (let i = 0; i <= ROWS; i++) {
      prevHash = eventHash({
        sequence: i + 1,
        occurredAt,
        actorId: null,
        organizationId: randomUUID(),
        facilityId: randomUUID(),
        action: 'asset.import',
        entityType: 'asset',
        entityId: randomUUID(),
        changes: { description: { before: '電子カルテ端末（外来）', after: '電子カルテ端末（外来）（2026年度棚卸で確認）' } },
        ip: 'bench',
        prevHash,
      });
    }
  });
  log(
    `read file: UTF-8 ${msText(readUtf8.median)}, Shift_JIS ${msText(readSjis.median)}; readLedgerRows ${msText(readRows.median)}; audit hashing of ${fmt(ROWS + 1)} events ${msText(hashing.ms)}`,
  );

  // 3. Findings, pure.
  const accountData = findingAccounts();
  const assetData = findingAssets();
  const facts: LedgerFacts = {
    asOf: today,
    securityManagerName: null,
    assets: assetData,
    accounts: accountData.rows,
    assetLedgerReviewedOn: shiftDays(today, -200),
    accountReviewedOn: shiftDays(today, -100),
    endOfLife: builtInEndOfLife,
    thresholds: defaultFindingThresholds,
  };
  for (let i = 0; i < 5; i++) computeFindings(facts);
  const pure = computeFindings(facts);
  const unused = pure.find((f) => f.topic === 'unused-accounts' && f.scope === 'general');
  const roles = pure.find((f) => f.topic === 'access-rights' && f.scope === 'general');
  const reasonCount = (f: Finding | undefined, code: string) => f?.reasons.find((r) => r.code === code)?.count ?? 0;
  const want = accountData.expected;
  const got = {
    retiredEnabled: reasonCount(unused, 'accounts-retired-enabled'),
    expiredEnabled: reasonCount(unused, 'accounts-expired-enabled'),
    unused: reasonCount(unused, 'accounts-unused'),
    temporaryWithoutEnd: reasonCount(unused, 'accounts-temporary-without-end'),
    withoutRole: reasonCount(roles, 'accounts-without-role'),
  };
  if (JSON.stringify(got) !== JSON.stringify(want)) fail(`computeFindings counted ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  const pureFindings = await medianOf(PURE_RUNS, () => computeFindings(facts));
  log(
    `computeFindings over ${fmt(ACCOUNTS)} accounts and ${fmt(FINDING_ASSETS)} assets: median ${msText(pureFindings.median)} (${unused?.records.length ?? 0} accounts listed as unused)`,
  );

  // 4. The databases.
  const results: DbFigures[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-ledgers-'));
  onCleanup('PGlite data dir', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const pglite = await openDatabase({ kind: 'pglite', dataDir });
  onCleanup('PGlite', () => pglite.close());
  await runMigrations(pglite);
  results.push({
    label: 'PGlite',
    note: 'PGlite, a fresh data dir on disk in a temp directory',
    import: await benchImport(pglite, 'PGlite', files),
    findings: await benchFindings(pglite, 'PGlite', { accounts: accountData.rows, assets: assetData, pure }),
    skipped: null,
  });

  const target = await postgresUrl();
  if ('skipped' in target) {
    log(`PostgreSQL not measured: ${target.skipped}`);
    results.push({ label: 'PostgreSQL', note: `PostgreSQL not measured: ${target.skipped}`, import: null, findings: null, skipped: target.skipped });
  } else {
    const { config, version } = await freshPostgres(target.url, POOL_SIZE);
    const postgres = await openDatabase(config);
    onCleanup('PostgreSQL pool', () => postgres.close());
    await runMigrations(postgres);
    results.push({
      label: 'PostgreSQL',
      note: `PostgreSQL ${version}, ${target.source}; on the same machine; pool size ${POOL_SIZE}`,
      import: await benchImport(postgres, 'PostgreSQL', files),
      findings: await benchFindings(postgres, 'PostgreSQL', { accounts: accountData.rows, assets: assetData, pure }),
      skipped: null,
    });
  }

  // 5. Report.
  const rate = (ms: number) => `${fmt(ROWS / (ms / 1000))} rows/s`;
  const rows: string[][] = [];
  for (const r of results) {
    if (!r.import || !r.findings) {
      rows.push([`${r.label}: everything`, 'not measured', r.skipped ?? '', '']);
      continue;
    }
    const i = r.import;
    rows.push(
      [`${r.label}: import dry-run, empty ledger`, secondsText(i.dryRun), rate(i.dryRun), `created ${fmt(ROWS)}`],
      [`${r.label}: import commit`, secondsText(i.commit), rate(i.commit), `created ${fmt(ROWS)}`],
      [`${r.label}: re-import dry-run`, secondsText(i.reimportDryRun), rate(i.reimportDryRun), `unchanged ${fmt(ROWS)}`],
      [`${r.label}: re-import dry-run, Shift_JIS`, secondsText(i.reimportDryRunSjis), rate(i.reimportDryRunSjis), `unchanged ${fmt(ROWS)}`],
      [`${r.label}: commit, every row changed`, secondsText(i.updateCommit), rate(i.updateCommit), `updated ${fmt(ROWS)}`],
      [
        `${r.label}: findingsView, median of ${DB_RUNS}`,
        msText(r.findings.median),
        `min ${msText(r.findings.min)} · max ${msText(r.findings.max)}`,
        `${fmt(ACCOUNTS)} accounts, ${fmt(FINDING_ASSETS)} assets`,
      ],
    );
  }
  rows.push([
    `computeFindings (pure), median of ${PURE_RUNS}`,
    msText(pureFindings.median),
    `min ${msText(pureFindings.min)} · max ${msText(pureFindings.max)}`,
    `${fmt(ACCOUNTS)} accounts, ${fmt(FINDING_ASSETS)} assets`,
  ]);

  const phaseRows: string[][] = [
    ['readSpreadsheet, UTF-8 with BOM (decode + CSV parse), median of 5', msText(readUtf8.median)],
    ['readSpreadsheet, Shift_JIS (decode + CSV parse), median of 5', msText(readSjis.median)],
    ['readLedgerRows (headings, every cell parsed and checked), median of 5', msText(readRows.median)],
    [`audit hashing alone (canonical JSON + SHA-256), ${fmt(ROWS + 1)} events`, msText(hashing.ms)],
  ];
  for (const r of results) {
    if (!r.import) continue;
    const p = r.import.phases;
    phaseRows.push(
      [`${r.label}: loading the 50,000-row ledger the plan compares against (drizzle select)`, msText(p.loadExisting)],
      [`${r.label}: the same rows with plain SQL (no drizzle row mapping)`, msText(p.loadExistingRaw)],
      [`${r.label}: planImport, 50,000 updates`, msText(p.plan)],
      [`${r.label}: recordAuditBatch alone, ${fmt(ROWS + 1)} events (hashing + \`bulkInsert\`; rolled back)`, msText(p.auditInsert)],
      [`${r.label}: commit − dry-run, first import (the transaction: \`bulkInsert\` of the rows, audit, review)`, msText(r.import.commit - r.import.dryRun)],
      [`${r.label}: commit − dry-run, every row changed (\`bulkUpdateVersioned\`, audit, review)`, msText(r.import.updateCommit - r.import.reimportDryRun)],
    );
  }
  for (const r of results) {
    if (!r.findings) continue;
    phaseRows.push(
      [`${r.label}: loadLedgerFacts alone (each ledger as one \`json_agg\` value), median of ${DB_RUNS}`, msText(r.findings.load)],
      [
        `${r.label}: for reference, SELECT * of the 10,000 accounts + 2,000 assets as row objects (plain SQL), median of ${DB_RUNS}`,
        msText(r.findings.loadRaw),
      ],
    );
  }

  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  console.log('');
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  console.log('\nphases:');
  for (const [name, value] of phaseRows) console.log(`  ${name}: ${value}`);

  const postgres = results.find((r) => r.label === 'PostgreSQL');
  const importVerdict = postgres?.import
    ? `${postgres.import.commit < AIM_IMPORT_MS ? 'MET' : 'NOT MET'} — first commit ${secondsText(postgres.import.commit)}, commit with every row changed ${secondsText(postgres.import.updateCommit)}${postgres.import.updateCommit < AIM_IMPORT_MS ? '' : ' (over the aim)'}`
    : `not measured (${postgres?.skipped ?? 'PostgreSQL missing'})`;
  const findingsVerdicts = results.map((r) =>
    r.findings
      ? `${r.label} ${r.findings.median < AIM_FINDINGS_MS ? 'MET' : 'NOT MET'} (${msText(r.findings.median)})`
      : `${r.label} not measured (${r.skipped})`,
  );
  const verdicts = [
    `50,000 rows committed < 10 s on PostgreSQL: ${importVerdict}.`,
    `Findings < 200 ms (end-to-end findingsView, median): ${findingsVerdicts.join('; ')}.`,
  ];
  console.log('');
  for (const v of verdicts) console.log(`aim: ${v}`);

  if (!record) {
    log('--no-record: docs/benchmarks.md left as is');
    return;
  }

  const load1End = os.loadavg()[0] ?? 0;
  const notes: string[] = [];
  const pgRun = postgres?.import ? postgres : null;
  const pgl = results.find((r) => r.label === 'PGlite');
  const nowFigures = [
    pgRun?.import
      ? `PostgreSQL first commit ${secondsText(pgRun.import.commit)} (every row changed ${secondsText(pgRun.import.updateCommit)})`
      : 'PostgreSQL import not measured',
    pgl?.import ? `PGlite first commit ${secondsText(pgl.import.commit)} (every row changed ${secondsText(pgl.import.updateCommit)})` : null,
    pgRun?.findings ? `findingsView ${msText(pgRun.findings.median)} on PostgreSQL` : null,
    pgl?.findings ? `${msText(pgl.findings.median)} on PGlite` : null,
  ].filter(Boolean);
  notes.push(
    'What changed since the earlier runs of this bench (2026-11-21; the two recorded ones at load average 5.8–5.9 on 2 cores, so not all of the difference below is the change): the PostgreSQL first commit took 38–56 s and findingsView 301–474 ms on PostgreSQL and 1.0–1.4 s on PGlite. ' +
      'A profile of the commit put ~40% of its wall time in drizzle building its multi-row inserts (one placeholder and parameter per value: 50,000 rows × ~30 columns plus 50,001 audit rows), and csv-parse took twice as long as papaparse on the same file. ' +
      'So (1) `importLedger` writes created rows with `bulkInsert` and changed rows with `bulkUpdateVersioned` (`db/bulk.ts`: one JSON parameter per 2,000-row chunk through `json_populate_recordset`, no drizzle SQL building; updates still only where the version is the one the plan read); ' +
      '(2) `recordAuditBatch` writes the events with `bulkInsert` too; (3) `readSpreadsheet` parses CSV with papaparse instead of csv-parse; (4) `loadLedgerFacts` gets each ledger as one `json_agg` value instead of one row object per row. ' +
      `The measurements that timed the old write path (drizzle's SQL building alone, a hand-written JSON insert for comparison) are gone from the bench. Now: ${nowFigures.join('; ')}.`,
  );
  const dryRunShare = pgRun?.import ? ` (${fmt((100 * readUtf8.median) / pgRun.import.dryRun)}% of the PostgreSQL dry-run)` : '';
  notes.push(
    `The file-reading part of every import is the same work on both databases, in the app process: \`readSpreadsheet\` (TextDecoder, then papaparse) ${msText(readUtf8.median)} for UTF-8${dryRunShare} and ${msText(readSjis.median)} for Shift_JIS, then \`readLedgerRows\` ${msText(readRows.median)}.`,
  );
  if (pgRun?.import) {
    const i = pgRun.import;
    notes.push(
      `Import breakdown on PostgreSQL: of the ${secondsText(i.commit)} first commit, the dry-run part (reading, checking, planning against the empty ledger) is ${secondsText(i.dryRun)} and the transaction ${secondsText(i.commit - i.dryRun)}, of which \`recordAuditBatch\` alone is about ${secondsText(i.phases.auditInsert)} (its hashing ${secondsText(hashing.ms)}). ` +
        `Of the ${secondsText(i.updateCommit)} commit with every row changed, the dry-run part is about ${secondsText(i.reimportDryRun)} (loading the 50,000-row ledger ${secondsText(i.phases.loadExisting)}, planning ${secondsText(i.phases.plan)}) and the transaction ${secondsText(i.updateCommit - i.reimportDryRun)}.`,
    );
  }
  const slowFindings = results.filter((r) => r.findings && r.findings.median >= AIM_FINDINGS_MS);
  if (slowFindings.length) {
    const parts = slowFindings.map(
      (r) =>
        `${r.label}: findingsView ${msText(r.findings!.median)}, loadLedgerFacts alone ${msText(r.findings!.load)}, the same rows as row objects ${msText(r.findings!.loadRaw)}`,
    );
    notes.push(
      `Findings analysis: the rules are cheap (${msText(pureFindings.median)} in memory); the end-to-end time is loading ${fmt(ACCOUNTS + FINDING_ASSETS)} rows — ${parts.join('; ')}. Keeping the facts per facility until a ledger changes is where more time would come from.`,
    );
  }
  notes.push(
    `Load: the machine is shared (other test runs may be going). Load average ${load1.toFixed(2)} at the start of this run and ${load1End.toFixed(2)} at the end (the latter includes this bench's own process and its PostgreSQL server), on ${cores} cores${load1 > cores / 2 ? '; the machine was busy at the start, so the figures are noisy and the CPU-bound ones (reading, hashing, the commits) likely pessimistic' : ''}.`,
  );

  const section = [
    HEADING,
    '',
    `Last run: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${cores} cores · ${cpu} · Node ${process.version}. Load average at start: ${load1.toFixed(2)}, at the end: ${load1End.toFixed(2)}.`,
    '',
    '**Method.**',
    '',
    `- In process, through the server's own code: \`openDatabase\` + \`runMigrations\`, an organization and a hospital created with the organization and facility services, then \`importLedger\` (preview or commit, as the import route calls it; audit context \`{ actorId: null, ip: 'bench' }\`) and \`findingsView\`. Wall clock (\`performance.now()\`) around each call; every result is checked (no errors, the expected created / updated / unchanged counts, rows and audit events in the database, dates stored as written) or the run stops.`,
    `- Import file: ${fmt(ROWS)} generated asset rows (seeded, same every run), a title row above the headings 管理番号, メーカー, OS, ソフトウェア, ソフトウェアバージョン, IPアドレス, コンピュータ名, 設置場所, 利用者, 登録日, 状態, 説明, 機器区分, リモートメンテナンス, 最終パッチ適用日; Japanese text, 10.x.y.z addresses (some blank or DHCP), dates as 2020/12/1, 令和2年12月1日, 2020-12-01 and R2.12.1, 稼働/停止, quoted cells with commas and quotes. CSV, CRLF: UTF-8 with BOM (${fmt(utf8.length / 2 ** 20, 1)} MiB) and the same text in Shift_JIS (CP932, ${fmt(sjis.length / 2 ** 20, 1)} MiB).`,
    `- Steps per database, in order, one facility: dry-run into the empty ledger; commit (${fmt(ROWS)} inserts + ${fmt(ROWS + 1)} audit events); re-import dry-run of the same file (all unchanged), in UTF-8 and in Shift_JIS; commit of a file where every row changed one field (説明, 設置場所 or 最終パッチ適用日 in turn: ${fmt(ROWS)} updates + audit events).`,
    `- Findings: a second facility with ${fmt(ACCOUNTS)} accounts (six systems; ~6% disabled, ~3% retired, ~5% past their end date, ~7% unused for over 90 days, ~4% temporary, ~3% without a role) and ${fmt(FINDING_ASSETS)} assets (all kinds, some retired, stale patches, end-of-life OSes, network devices without source restrictions), inserted directly. \`computeFindings\` on the same rows in memory: median of ${PURE_RUNS} after 5 warm-up runs. \`findingsView\` (loads the facts from the database, then computes; its ledger findings are checked against the pure ones — the incident-readiness 3(1)–3(3) findings it also returns are left out of that comparison): median of ${DB_RUNS} after 2 warm-up runs.`,
    `- ${results.map((r) => r.note).join('. ')}.`,
    '',
    '| figure | time | throughput / spread | result |',
    '|---|---:|---:|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    '**Aims.**',
    '',
    ...verdicts.map((v) => `- ${v}`),
    '',
    '**Where the time goes** (each phase timed on its own; the database phases against the full 50,000-row ledger):',
    '',
    '| phase | time |',
    '|---|---:|',
    ...phaseRows.map((r) => `| ${r.join(' | ')} |`),
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
  recordSection(docsFile, section, HEADING);
  log(`recorded in ${path.relative(root, docsFile)}`);
}

try {
  await main();
} catch (error) {
  console.error('\n[bench] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}

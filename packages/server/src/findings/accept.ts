import {
  formatJapaneseDate,
  findingForItem,
  isSingleRound,
  findingReasonText,
  findingRecordReasonText,
  findingSummary,
  todayInTokyo,
  type AcceptFindingRequest,
  type Actor,
  type AssessmentDetail,
  type Catalog,
  type Finding,
  type FindingRecordSource,
  type FormKind,
  safeCell,
} from '@mamori/domain';
import { stringify } from 'csv-stringify/sync';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../config.js';
import type { Db, Tx } from '../db/connect.js';
import { answerEvidence, answerRounds } from '../db/schema.js';
import type { AuditContext } from '../audit/record.js';
import { assessmentFor } from '../assessments/access.js';
import { assessmentDetail } from '../assessments/queries.js';
import { saveRound } from '../assessments/service.js';
import type { AssessmentRow } from '../assessments/presenter.js';
import { chartVersion, presentChart } from '../contact-chart/queries.js';
import { putFile } from '../files/store.js';
import type { AppDeps } from '../http/types.js';
import { invalid, notFound, versionConflict } from '../http/errors.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { insertAudited, inTransaction, scopeOf } from '../writes/audited.js';
import { facilityFindings } from './present.js';

/** A document to attach instead of the records' CSV (3(1): the contact chart itself, which the inspector looks at). */
interface EvidenceDocument {
  content: Buffer;
  contentType: string;
  fileName: string;
}

type AcceptInput = z.infer<typeof AcceptFindingRequest>;

const ledgerLabels = {
  assets: '機器台帳',
  accounts: '利用者ID台帳',
  backups: 'バックアップ',
  contracts: '事業者との契約',
  logSources: 'アクセスログの取得元',
} as const satisfies Record<FindingRecordSource, string>;

/** The records behind a finding, as a CSV an inspector can open: the evidence linked to the answer. */
function evidenceCsv(itemId: string, finding: Finding, asOf: string): Buffer {
  const lines: string[][] = [
    ['項目', itemId],
    ['基準日', asOf],
    ['提案', findingSummary({ suggestion: finding.suggestion, reasons: [] }).replace(/: $/, '')],
    ...finding.reasons.map((r) => ['理由', findingReasonText(r)]),
    [],
    ['台帳', '記録', '該当理由'],
    ...finding.records.map((r) => [ledgerLabels[r.ledger], r.label, r.reasons.map((code) => findingRecordReasonText(code)).join('、')]),
  ];
  return Buffer.from(
    `\uFEFF${stringify(
      lines.map((l) => l.map(safeCell)),
      { record_delimiter: '\r\n' },
    )}`,
    'utf8',
  );
}

/**
 * Accepts the ledgers' suggestion for one item of the facility's own form, and answers the form as it is then.
 * The caller must be able to answer the form and read the ledgers the suggestion comes from.
 */
export async function acceptFinding(
  db: Db,
  deps: Pick<AppDeps, 'catalog' | 'config' | 'workers'>,
  actor: Actor,
  context: AuditContext,
  assessmentId: string,
  input: AcceptInput,
): Promise<AssessmentDetail> {
  const { assessment, facility } = await assessmentFor(db, actor, assessmentId, 'assessment.answer');
  await facilityFor(db, actor, facility.id, 'ledger.read');
  const asOf = todayInTokyo();
  const findings = await facilityFindings(db, facility, asOf);
  const document = await chartDocument(db, deps, facility, assessment, input.itemId, asOf);
  await inTransaction(db, (tx) => answerFromFinding(tx, context, deps.config, deps.catalog, assessment, findings, asOf, input, document));
  return assessmentDetail(db, deps.catalog, facility, assessment, assessment);
}

/** 3(1): the inspector looks at the chart itself, so the evidence is the newest chart as printed, not a list. */
async function chartDocument(
  db: Db,
  deps: Pick<AppDeps, 'catalog' | 'workers'>,
  facility: FacilityRow,
  assessment: AssessmentRow,
  itemId: string,
  asOf: string,
): Promise<EvidenceDocument | undefined> {
  const item = deps.catalog.item(assessment.edition, assessment.form as FormKind, itemId);
  const chart = item?.flags.artifact === 'contactChart' ? await chartVersion(db, facility.id) : null;
  if (!chart) return undefined;
  return {
    content: await deps.workers.run('renderContactChartPdf', {
      facilityName: facility.name,
      chart: presentChart(chart.row, chart.savedBy),
      chartVersion: chart.row.chartVersion,
      savedAt: chart.row.createdAt.toISOString(),
      printedAt: asOf,
      locale: 'ja',
    }),
    contentType: 'application/pdf',
    fileName: `連絡体制図_第${chart.row.chartVersion}版_${asOf}.pdf`,
  };
}

/**
 * Turns a finding into the answer: today's date, the reasons as the note, and the records as evidence.
 * A first answer fills round 1; a changed situation adds the next round (the checklist's 2回目).
 */
async function answerFromFinding(
  tx: Tx,
  context: AuditContext,
  config: Config,
  catalog: Catalog,
  assessment: AssessmentRow,
  findings: readonly Finding[],
  asOf: string,
  input: AcceptInput,
  document?: EvidenceDocument,
): Promise<void> {
  if (assessment.vendorName !== null) throw invalid('params.assessmentId', 'finding_institution_only');
  const item = catalog.item(assessment.edition, assessment.form as FormKind, input.itemId);
  if (!item) throw notFound();
  const finding = findingForItem(item, findings);
  if (!finding) throw invalid('body.itemId', 'finding_missing');
  const rounds = await tx
    .select()
    .from(answerRounds)
    .where(and(eq(answerRounds.assessmentId, assessment.id), eq(answerRounds.itemId, item.id)))
    .orderBy(answerRounds.round);
  const confirmed = rounds.filter((r) => !r.draft);
  if (confirmed.length !== input.expectedRounds) throw versionConflict();
  const latest = confirmed.at(-1);
  const suggestion = finding.suggestion;
  if (suggestion === 'undetermined') throw invalid('body.itemId', 'finding_undetermined');
  if (latest?.value === suggestion) throw invalid('body.itemId', 'finding_already_answered');
  if (suggestion === 'no' && !input.targetDate) throw invalid('body.targetDate', 'target_date_required');

  const round = !latest ? 1 : isSingleRound(item) ? latest.round : latest.round + 1;
  const existing = rounds.find((r) => r.round === round) ?? null;
  const today = todayInTokyo();
  await saveRound(tx, context, catalog, assessment, item.id, round, {
    value: suggestion,
    date: today,
    targetDate: suggestion === 'no' ? input.targetDate : null,
    note: `台帳からの提案を採用（${formatJapaneseDate(today)}）: ${findingSummary(finding)}`.slice(0, 4000),
    riskAcceptance: existing?.riskAcceptance ?? '',
    version: existing?.version ?? null,
  });

  const attached = document ?? {
    content: evidenceCsv(item.id, finding, asOf),
    contentType: 'text/csv',
    fileName: `台帳の根拠_${item.id.replace('@', '_')}_${today}.csv`,
  };
  const file = await putFile(tx, config, { content: attached.content, contentType: attached.contentType });
  const fileName = attached.fileName;
  await insertAudited(
    tx,
    context,
    answerEvidence,
    {
      assessmentId: assessment.id,
      itemId: item.id,
      fileSha256: file.sha256,
      fileName,
      contentType: attached.contentType,
      size: file.size,
      uploadedBy: context.actorId,
    },
    {
      action: 'finding.accept',
      entityType: 'answer_evidence',
      scope: scopeOf(assessment),
      fields: [],
      extra: {
        item: { before: null, after: item.id },
        suggestion: { before: null, after: suggestion },
        file: { before: null, after: { name: fileName, sha256: file.sha256 } },
      },
    },
  );
}

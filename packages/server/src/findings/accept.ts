import { formatJapaneseDate, findingForItem, isSingleRound, findingReasonText, findingRecordReasonText, findingSummary, todayInTokyo, type Catalog, type Finding, type FindingRecordSource, type FormKind, safeCell } from '@mamori/domain';
import { stringify } from 'csv-stringify/sync';
import { and, eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Tx } from '../db/connect.js';
import { answerEvidence, answerRounds } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { saveRound } from '../assessments/service.js';
import type { AssessmentRow } from '../assessments/presenter.js';
import { putFile } from '../files/store.js';
import { invalid, notFound, versionConflict } from '../http/errors.js';

/** A document to attach instead of the records' CSV (3(1): the contact chart itself, which the inspector looks at). */
export interface EvidenceDocument {
  content: Buffer;
  contentType: string;
  fileName: string;
}

export interface AcceptInput {
  itemId: string;
  targetDate: string | null;
  /** Confirmed rounds the user saw; another count means someone answered meanwhile. */
  expectedRounds: number;
}

const ledgerLabels = { assets: '機器台帳', accounts: '利用者ID台帳', backups: 'バックアップ', contracts: '事業者との契約' } as const satisfies Record<FindingRecordSource, string>;

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
  return Buffer.from(`\uFEFF${stringify(lines.map((l) => l.map(safeCell)), { record_delimiter: '\r\n' })}`, 'utf8');
}

/**
 * Turns a finding into the answer: today's date, the reasons as the note, and the records as evidence.
 * A first answer fills round 1; a changed situation adds the next round (the checklist's 2回目).
 */
export async function acceptFinding(
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
  if (assessment.vendorName !== null) throw invalid('validation_error', 'params.assessmentId', '台帳からの提案は医療機関確認用の回答にだけ使えます');
  const item = catalog.item(assessment.edition, assessment.form as FormKind, input.itemId);
  if (!item) throw notFound();
  const finding = findingForItem(item, findings);
  if (!finding) throw invalid('validation_error', 'body.itemId', 'この項目には台帳からの提案がありません');
  const rounds = await tx.select().from(answerRounds).where(and(eq(answerRounds.assessmentId, assessment.id), eq(answerRounds.itemId, item.id))).orderBy(answerRounds.round);
  const confirmed = rounds.filter((r) => !r.draft);
  if (confirmed.length !== input.expectedRounds) throw versionConflict();
  const latest = confirmed.at(-1);
  const suggestion = finding.suggestion;
  if (suggestion === 'undetermined') throw invalid('validation_error', 'body.itemId', '台帳の記録が足りないため、まだ提案がありません。理由に書かれたものを台帳に記録してください');
  if (latest?.value === suggestion) throw invalid('validation_error', 'body.itemId', 'すでに提案と同じ回答が記入されています');
  if (suggestion === 'no' && !input.targetDate) throw invalid('validation_error', 'body.targetDate', '「いいえ」には目標日が必要です');

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

  const attached = document ?? { content: evidenceCsv(item.id, finding, asOf), contentType: 'text/csv', fileName: `台帳の根拠_${item.id.replace('@', '_')}_${today}.csv` };
  const file = await putFile(tx, config, { content: attached.content, contentType: attached.contentType });
  const fileName = attached.fileName;
  const [evidence] = await tx
    .insert(answerEvidence)
    .values({ assessmentId: assessment.id, itemId: item.id, fileSha256: file.sha256, fileName, contentType: attached.contentType, size: file.size, uploadedBy: context.actorId })
    .returning();
  await recordAudit(tx, context, {
    action: 'finding.accept',
    entityType: 'answer_evidence',
    entityId: evidence!.id,
    organizationId: assessment.organizationId,
    facilityId: assessment.facilityId,
    changes: { item: { before: null, after: item.id }, suggestion: { before: null, after: suggestion }, file: { before: null, after: { name: fileName, sha256: file.sha256 } } },
  });
}

import fs from 'node:fs';
import { accessLogFormats, alertReasonText, alertRuleText, type AccessLogFormat, type LogChainCheck } from '@mamori/domain';
import type { Command } from 'commander';
import { facilityAlerts } from '../access-logs/alerts.js';
import { decodeLogFile, ingestAndScan, sourceByName } from '../access-logs/ingest.js';
import { verifyLogChains, type LogBreakReason } from '../access-logs/verify.js';
import { AppError } from '../http/errors.js';
import { cliAudit, facilityById, printJson, withDatabase } from './context.js';

function fail(message: string, code = 2): void {
  console.error(message);
  process.exitCode = code;
}

const breakText: Record<LogBreakReason, string> = {
  content_altered: '内容が書き換えられています / altered',
  sequence_gap: '番号が欠けているか重複しています (削除または挿入) / deleted or inserted',
  truncated: '末尾のイベントが削除されています / the newest events were deleted',
  unrecorded_removal: '記録のない削除 (古いイベント) / the oldest events were removed without a retention record',
};

const describe = (check: LogChainCheck) =>
  `${check.sourceName} (${check.sourceId}): #${check.firstBreak!.seq} ${breakText[check.firstBreak!.reason as LogBreakReason] ?? check.firstBreak!.reason}`;

export function registerLogCommands(program: Command): void {
  const logs = program.command('logs').description('access logs (checklist 2(6)): ingest, verify, alerts');

  logs
    .command('ingest')
    .description('append a log file to a source (made on first use); every line is kept, unreadable files change nothing')
    .requiredOption('--facility <id>', 'facility id')
    .requiredOption('--source <name>', 'the source (server or system) the log comes from')
    .option('--format <format>', `${accessLogFormats.join(' | ')} (detected when left out)`)
    .argument('<file>', 'the log file (UTF-8 or Shift_JIS)')
    .action((file: string, o: { facility: string; source: string; format?: string }) => {
      if (o.format && !accessLogFormats.includes(o.format as AccessLogFormat))
        return fail(`形式は ${accessLogFormats.join(', ')} のいずれかです / unknown format`);
      let text: string;
      try {
        text = decodeLogFile(fs.readFileSync(file));
      } catch (error) {
        const reason = error instanceof AppError ? 'UTF-8 でも Shift_JIS のテキストでもありません / not UTF-8 or Shift_JIS text' : (error as Error).message;
        return fail(`${file}: ファイルを読めません。何も保存していません / cannot read, nothing stored: ${reason}`);
      }
      return withDatabase(async ({ db }) => {
        const facility = await facilityById(db, o.facility);
        if (!facility) return fail(`施設 ${o.facility} が見つかりません / facility not found`);
        const source = await sourceByName(db, cliAudit, facility, o.source);
        printJson(
          await ingestAndScan(db, source, text, {
            format: o.format as AccessLogFormat | undefined,
            context: cliAudit,
            origin: file.split(/[\\/]/).pop() ?? file,
          }),
        );
      });
    });

  logs
    .command('verify')
    .description("walk every source's hash chain; exit 1 naming the first broken event")
    .option('--facility <id>', 'only this facility')
    .action((o: { facility?: string }) =>
      withDatabase(async ({ db }) => {
        if (o.facility && !(await facilityById(db, o.facility))) return fail(`施設 ${o.facility} が見つかりません / facility not found`);
        const checks = await verifyLogChains(db, o.facility);
        const broken = checks.filter((c) => !c.ok);
        for (const check of broken) console.error(`アクセスログの改ざんを検出 / access log tampered: ${describe(check)}`);
        printJson({ ok: broken.length === 0, sources: checks.length, events: checks.reduce((n, c) => n + c.events, 0), broken });
        if (broken.length) process.exitCode = 1;
      }),
    );

  logs
    .command('alerts')
    .description("a facility's access log alerts as JSON (rule, subject, count, first and last time)")
    .requiredOption('--facility <id>', 'facility id')
    .action((o: { facility: string }) =>
      withDatabase(async ({ db }) => {
        const facility = await facilityById(db, o.facility);
        if (!facility) return fail(`施設 ${o.facility} が見つかりません / facility not found`);
        const alerts = await facilityAlerts(db, facility.id, undefined, 10_000);
        printJson(
          alerts.map((a) => ({
            rule: a.rule,
            subject: a.subject,
            count: a.count,
            first: a.first,
            last: a.last,
            source: a.sourceName,
            ...(a.reason ? { reason: a.reason } : {}),
            description: `${alertRuleText(a.rule)}${a.reason ? `（${alertReasonText(a.reason)}）` : ''}`,
          })),
        );
      }),
    );
}

import { Id, evaluate, fiscalYearLabel, inspectionReportWords, todayInTokyo, type AnswerValue, type FormKind } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { requireAuth } from '../auth/context.js';
import { notFound } from '../http/errors.js';
import { contentDisposition } from '../http/content-disposition.js';
import type { ExportModel, ExportRound } from '../exports/index.js';
import { assessmentFor, ownFormOf } from './access.js';
import { inspectionReportModel } from './inspection-report.js';
import { facilityYearBundle, roundsOf } from './queries.js';

const formats = {
  pdf: { contentType: 'application/pdf', task: 'renderFormPdf' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', task: 'renderFormXlsx' },
  csv: { contentType: 'text/csv; charset=utf-8', task: 'renderFormCsv' },
} as const satisfies Record<string, { contentType: string; task: 'renderFormPdf' | 'renderFormXlsx' | 'renderFormCsv' }>;

const formNames: Record<FormKind, { ja: string; en: string }> = {
  institution: { ja: '医療機関確認用', en: 'institution' },
  pharmacy: { ja: '薬局確認用', en: 'pharmacy' },
  vendor: { ja: '事業者確認用', en: 'vendor' },
};

/** The form as the ministry prints it: PDF (A4), Excel in the same layout, or CSV for other tools. */
export const assessmentExportRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/assessments/:assessmentId/export.:format',
    {
      schema: {
        params: z.object({ assessmentId: Id, format: z.enum(['pdf', 'xlsx', 'csv']) }),
        querystring: z.strictObject({ locale: z.enum(['ja', 'en']).default('ja') }),
      },
    },
    async (request, reply) => {
      const { assessment, facility } = await assessmentFor(db, requireAuth(request).actor, request.params.assessmentId, 'assessment.read');
      const form = deps.catalog.form(assessment.edition, assessment.form as FormKind);
      if (!form) throw notFound();
      const own = await ownFormOf(db, assessment);
      const evaluation = evaluate(deps.catalog, await facilityYearBundle(db, deps.catalog, facility, own));
      const results =
        assessment.vendorName === null ? evaluation.institution.items : (evaluation.vendors.find((v) => v.name === assessment.vendorName)?.items ?? []);
      const answers: Record<string, ExportRound[]> = {};
      for (const { round } of await roundsOf(db, [assessment.id])) {
        if (round.draft) continue;
        (answers[round.itemId] ??= []).push({
          round: round.round,
          value: round.value as AnswerValue,
          date: round.date,
          targetDate: round.targetDate,
          note: round.note,
        });
      }
      const { locale } = request.query;
      const format = formats[request.params.format];
      const model: ExportModel = {
        form,
        facilityName: facility.name,
        vendorName: assessment.vendorName,
        fiscalYear: assessment.fiscalYear,
        answers,
        requirements: Object.fromEntries(results.map((r) => [r.id, r.requirement])),
        locale,
        printedAt: todayInTokyo(),
      };
      const body = await deps.workers.run(format.task, model);
      const kind = assessment.form as FormKind;
      const name = `${facility.name}_${locale === 'ja' ? fiscalYearLabel(assessment.fiscalYear) : `FY${assessment.fiscalYear}`}_${formNames[kind][locale]}.${request.params.format}`;
      return reply
        .header('content-type', format.contentType)
        .header('content-disposition', contentDisposition(name, `mamori-${assessment.fiscalYear}-${kind}.${request.params.format}`))
        .send(body);
    },
  );

  /** 立入検査 準備状況レポート: the evaluation point by point as the inspection guide checks it, for the facility and its inspector. */
  app.get(
    '/facilities/:facilityId/assessments/:assessmentId/inspection-report.pdf',
    {
      schema: {
        params: z.object({ facilityId: Id, assessmentId: Id }),
        querystring: z.strictObject({ locale: z.enum(['ja', 'en']).default('ja') }),
      },
    },
    async (request, reply) => {
      const { facilityId, assessmentId } = request.params;
      const { locale } = request.query;
      const { model, fiscalYear } = await inspectionReportModel(db, deps.catalog, requireAuth(request).actor, facilityId, assessmentId, locale);
      const body = await deps.workers.run('renderInspectionReportPdf', model);
      const year = locale === 'ja' ? fiscalYearLabel(fiscalYear) : `FY${fiscalYear}`;
      const name = `${model.facilityName}_${year}_${inspectionReportWords[locale].fileName}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(name, `mamori-${fiscalYear}-inspection-report.pdf`))
        .send(body);
    },
  );
};

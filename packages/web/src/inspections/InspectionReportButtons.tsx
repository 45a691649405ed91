import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fyName } from '../checklist/problems';
import { inspectionReportUrl, ownForms, useAssessments } from '../checklist/queries';

/**
 * 立入検査 準備状況レポート (PDF), one button per fiscal year of the facility's own checklist, newest first: where an
 * inspector looks at a facility. The facility's checklist page has its own button beside the other exports.
 */
export function InspectionReportButtons({ facilityId }: { facilityId: string }) {
  const { t, i18n } = useTranslation();
  const assessments = useAssessments(facilityId);
  const years = ownForms(assessments.data);
  if (years.length === 0) return null;
  return (
    <Group gap="xs">
      {years.map((a, index) => (
        <Button
          key={a.id}
          component="a"
          href={inspectionReportUrl(facilityId, a.id, i18n.language)}
          download
          size="sm"
          variant={index === 0 ? 'filled' : 'default'}
          // The label is long (the year in the Japanese era): on a phone it wraps instead of being cut off.
          h="auto"
          py={6}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.4 } }}
        >
          {t('inspections.report.buttonOfYear', { year: fyName(a.fiscalYear, i18n.language) })}
        </Button>
      ))}
    </Group>
  );
}

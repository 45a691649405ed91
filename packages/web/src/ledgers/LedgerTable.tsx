import { Anchor, Badge, Stack, Table, Text, Tooltip } from '@mantine/core';
import { findingRecordReasonText, type FindingReasonCode, type LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import type { LedgerRecord } from './api';
import { useLedgerColumns } from './columns';
import { recordLabel } from './records';

interface Props {
  ledger: LedgerKind;
  records: LedgerRecord[];
  /** Records a finding lists, with why; shown as a 要対応 badge. */
  flagged: Map<string, FindingReasonCode[]>;
  onOpen: (record: LedgerRecord) => void;
}

/** The badge says why in words beside it (a tooltip alone is never seen on a phone or in a printout). */
export function AttentionBadge({ codes, inline = false }: { codes: FindingReasonCode[]; inline?: boolean }) {
  const { t, i18n } = useTranslation();
  const tags = codes.map((code) => findingRecordReasonText(code, i18n.language === 'en' ? 'en' : 'ja')).join(i18n.language === 'en' ? ', ' : '、');
  const badge = (
    <Tooltip label={tags} multiline maw={280} withArrow>
      <Badge
        size="sm"
        color="orange"
        variant="light"
        style={{ whiteSpace: 'nowrap', minWidth: 'max-content' }}
        aria-label={t('ledgers.attentionWith', { reasons: tags })}
      >
        {t('ledgers.attention')}
      </Badge>
    </Tooltip>
  );
  if (!inline) return badge;
  return (
    <Stack gap={2} align="flex-start">
      {badge}
      <Text size="xs" c="orange.9" aria-hidden data-testid="attention-reason">
        {tags}
      </Text>
    </Stack>
  );
}

/** The list of one ledger, columns from the domain's headings; a row opens the record. */
export function LedgerTable({ ledger, records, flagged, onOpen }: Props) {
  const { t } = useTranslation();
  const columns = useLedgerColumns(ledger);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" striped highlightOnHover aria-label={t(`ledgers.${ledger}.title`)}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} style={{ whiteSpace: 'nowrap' }}>
                {c.header}
              </Table.Th>
            ))}
            <Table.Th style={{ whiteSpace: 'nowrap', minWidth: 160 }}>{t('ledgers.attentionColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => {
            const codes = flagged.get(record.id);
            const label = recordLabel(ledger, record);
            return (
              <Table.Tr key={record.id} data-record-id={record.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(record)}>
                {columns.map((c, index) => (
                  <Table.Td key={c.key} style={c.nowrap || index === 0 ? { whiteSpace: 'nowrap' } : undefined}>
                    {index === 0 ? (
                      // The first cell opens the record: one clear button per row for keyboards and tests.
                      <Anchor
                        component="button"
                        type="button"
                        fw={500}
                        size="sm"
                        aria-label={t('ledgers.openRecord', { label })}
                        onClick={(event: React.MouseEvent) => {
                          event.stopPropagation();
                          onOpen(record);
                        }}
                      >
                        {c.render(record)}
                      </Anchor>
                    ) : (
                      c.render(record)
                    )}
                  </Table.Td>
                ))}
                <Table.Td style={{ minWidth: 160, maxWidth: 240 }}>{codes && <AttentionBadge codes={codes} inline />}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

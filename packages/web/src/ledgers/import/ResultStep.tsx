import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ImportResult, LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ledgerPaths } from '../records';

/** Step 4: what was written, and the way back to the ledger. */
export function ResultStep({ facilityId, ledger, result, onAgain }: { facilityId: string; ledger: LedgerKind; result: ImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <Alert color="teal" title={t('ledgers.import.doneTitle')} role="status">
        <Text size="sm">{t('ledgers.import.doneBody', { created: result.created, updated: result.updated, unchanged: result.unchanged })}</Text>
        {ledger === 'assets' && (
          <Text size="sm" mt={4}>
            {t('ledgers.import.doneReview')}
          </Text>
        )}
        <Text size="sm" mt={4}>
          {t('ledgers.import.mappingSaved')}
        </Text>
      </Alert>
      <Group gap="sm">
        <Button component={Link} to={ledgerPaths.list(facilityId, ledger)}>
          {t(`ledgers.import.toLedger.${ledger}`)}
        </Button>
        <Button variant="default" onClick={onAgain}>
          {t('ledgers.import.again')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, Group, Select, TextInput } from '@mantine/core';
import { facilityKinds, fiscalYearOf, prefectureCodes, todayInTokyo } from '@mamori/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fyName } from '../checklist/problems';
import type { OversightParams } from './api';

const FIRST_FISCAL_YEAR = 2023;

/** Fiscal year, kind and area as selects (they apply at once); health center and name as text, applied on 検索. */
export function OversightFilters({ params, onChange }: { params: OversightParams; onChange: (change: Partial<OversightParams>) => void }) {
  const { t, i18n } = useTranslation();
  const [healthCenter, setHealthCenter] = useState(params.healthCenter ?? '');
  const [q, setQ] = useState(params.q ?? '');
  const years = Array.from({ length: fiscalYearOf(todayInTokyo()) - FIRST_FISCAL_YEAR + 1 }, (_, i) => FIRST_FISCAL_YEAR + i).reverse();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ healthCenter: healthCenter.trim() || undefined, q: q.trim() || undefined });
  };

  return (
    <form onSubmit={submit} aria-label={t('oversight.filters.label')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('oversight.filters.fiscalYear')}
          data={years.map((y) => ({ value: String(y), label: fyName(y, i18n.language) }))}
          value={String(params.fiscalYear)}
          onChange={(value) => value && onChange({ fiscalYear: Number(value) })}
          allowDeselect={false}
          w={140}
        />
        <Select
          label={t('oversight.filters.kind')}
          placeholder={t('oversight.filters.any')}
          data={facilityKinds.map((kind) => ({ value: kind, label: t(`facilityKinds.${kind}`) }))}
          value={params.kind ?? null}
          onChange={(value) => onChange({ kind: (value as OversightParams['kind']) ?? undefined })}
          clearable
          w={160}
        />
        <Select
          label={t('oversight.filters.prefecture')}
          placeholder={t('oversight.filters.any')}
          data={prefectureCodes.map((code) => ({ value: code, label: t(`prefectures.${code}`) }))}
          value={params.prefecture ?? null}
          onChange={(value) => onChange({ prefecture: (value as OversightParams['prefecture']) ?? undefined })}
          searchable
          clearable
          w={150}
        />
        <TextInput label={t('oversight.filters.healthCenter')} value={healthCenter} onChange={(e) => setHealthCenter(e.currentTarget.value)} w={180} />
        <TextInput label={t('oversight.filters.name')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={200} />
        <Button type="submit" variant="default">
          {t('oversight.filters.search')}
        </Button>
      </Group>
    </form>
  );
}

import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/actor';
import { useFacilityContracts } from '../contracts/api';
import type { Facility } from '../api/types';
import { useLedgerList } from '../ledgers/api';
import { useBackupPlans, useBcp, useContactChart } from '../readiness/api';
import { readinessPaths } from '../readiness/paths';
import type { Step } from './NextSteps';

/**
 * The steps after set-up, each decided by the facility's own records: the two ledgers (they feed the
 * findings of 1(1)–2(9)), incident readiness (3(1)–3(3)) and this year's vendor forms. A step the
 * viewer cannot read is left out; one still loading counts as not done.
 */
export function useWorkSteps(facility: Facility | undefined): Step[] {
  const { t } = useTranslation();
  const allowed = useCan();
  const id = facility?.id ?? '';
  const scope = facility ? ({ kind: 'facility', organizationId: facility.organizationId, facilityId: facility.id } as const) : null;
  const base = `/facilities/${id}`;
  const ledgers = !!scope && allowed('ledger.read', scope);
  const readiness = !!scope && allowed('readiness.read', scope);
  const vendors = !!scope && allowed('contract.read', scope);
  const assets = useLedgerList(id, 'assets', '', 1, 1, ledgers);
  const accounts = useLedgerList(id, 'accounts', '', 1, 1, ledgers);
  const chart = useContactChart(id, readiness);
  const plans = useBackupPlans(id, readiness);
  const bcp = useBcp(id, readiness);
  const contracts = useFacilityContracts(id, vendors);

  const steps: Step[] = [];
  if (ledgers) {
    const assetCount = assets.data?.total ?? 0;
    const accountCount = accounts.data?.total ?? 0;
    steps.push({
      key: 'ledgers',
      title: t('dashboard.stepLedgers'),
      body:
        assets.data && accounts.data && (assetCount > 0 || accountCount > 0)
          ? t('dashboard.stepLedgersCount', { assets: assetCount, accounts: accountCount })
          : t('dashboard.stepLedgersBody'),
      done: assetCount > 0 && accountCount > 0,
      to: `${base}/${assetCount > 0 ? 'ledgers/accounts' : 'ledgers/assets'}`,
      action: t('dashboard.stepLedgersAction'),
    });
  }
  if (readiness) {
    const missing = [
      ...(chart.data?.chartVersion ? [] : [t('readiness.contacts.title')]),
      ...(plans.data?.length ? [] : [t('readiness.backups.title')]),
      ...(bcp.data && (bcp.data.version !== null || bcp.data.documents.length > 0) ? [] : [t('readiness.bcp.title')]),
    ];
    const loaded = !!chart.data && !!plans.data && !!bcp.data;
    steps.push({
      key: 'readiness',
      title: t('dashboard.stepReadiness'),
      body:
        loaded && missing.length > 0
          ? t('dashboard.stepReadinessMissing', { missing: missing.join(t('dashboard.listSeparator')) })
          : t('dashboard.stepReadinessBody'),
      done: loaded && missing.length === 0,
      to: readinessPaths.overview(id),
      action: t('dashboard.stepReadinessAction'),
    });
  }
  if (vendors) {
    const fiscalYear = fiscalYearOf(todayInTokyo());
    const list = contracts.data ?? [];
    // Contracts exempt from a form of their own (manual I-4) need none; the others need this year's form accepted.
    const open = list.filter((c) => c.vendorFormExemption === null && !c.forms.some((f) => f.fiscalYear === fiscalYear && f.status === 'accepted'));
    const notRequested = open.filter((c) => !c.forms.some((f) => f.fiscalYear === fiscalYear)).length;
    steps.push({
      key: 'vendors',
      title: t('dashboard.stepVendors'),
      body:
        !contracts.data || list.length === 0
          ? t('dashboard.stepVendorsBody')
          : open.length === 0
            ? t('dashboard.stepVendorsDone', { count: list.length })
            : t('dashboard.stepVendorsOpen', { open: open.length, notRequested }),
      done: list.length > 0 && open.length === 0,
      to: `${base}/vendors`,
      action: t('dashboard.stepVendorsAction'),
    });
  }
  return steps;
}

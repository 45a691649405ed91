import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { accessLogPaths } from '../access-logs/paths';
import { useCan } from '../auth/actor';
import { useSession } from '../auth/session';
import { useCurrentFacility } from '../facilities/CurrentFacility';
import { useOversees } from '../oversight/api';
import { readinessPages } from '../readiness/paths';
import { isVendorOnly, vendorHome, vendorMemberships } from '../vendor-portal/access';

interface Item {
  label: string;
  to: string;
  /** Highlight only on exact match, for pages that are prefixes of others. */
  exact?: boolean;
  key?: string;
  /** Sub-entries, always shown under the item. */
  children?: Item[];
}

export const featurePages = ['checklist', 'vendors', 'incidents'] as const;

/** The 台帳 section: the two ledgers, the account review (棚卸し) and the ledger settings. */
const ledgerPages = [
  { key: 'ledgerAssets', path: 'ledgers/assets' },
  { key: 'ledgerAccounts', path: 'ledgers/accounts' },
  { key: 'ledgerReview', path: 'ledgers/review' },
  { key: 'ledgerSettings', path: 'ledgers/settings' },
] as const;

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: session } = useSession();
  const { current, organizationId } = useCurrentFacility();
  const allowed = useCan();
  const oversees = useOversees();

  const facilityBase = current ? `/facilities/${current.id}` : null;
  const facilityScope = current ? ({ kind: 'facility', organizationId: current.organizationId, facilityId: current.id } as const) : null;

  const work: Item[] = [{ key: 'dashboard', label: t('nav.dashboard'), to: facilityBase ? `${facilityBase}/dashboard` : '/' }];
  if (facilityBase) {
    for (const page of featurePages) {
      if (page !== 'incidents') {
        work.push({ key: page, label: t(`nav.${page}`), to: `${facilityBase}/${page}` });
        continue;
      }
      // インシデント対応: the overview, with the chart, backups, BCP and incident records under it.
      const readable = facilityScope && allowed('readiness.read', facilityScope);
      work.push({
        label: t('nav.incidents'),
        to: `${facilityBase}/readiness`,
        exact: true,
        children: readable ? readinessPages.map((p) => ({ label: t(`readiness.nav.${p.key}`), to: `${facilityBase}/${p.path}` })) : undefined,
      });
    }
    // 立入検査: the inspections and their findings, for the facility's people and the inspectors it granted.
    if (facilityScope && allowed('inspection.read', facilityScope)) work.push({ label: t('nav.inspections'), to: `${facilityBase}/inspections` });
    // アクセスログ (2(6)): not for viewers, as the logs name people.
    if (facilityScope && allowed('accessLog.read', facilityScope)) work.push({ label: t('nav.accessLogs'), to: accessLogPaths.list(facilityScope.facilityId) });
  }

  // 施設の状況一覧: for whoever oversees facilities (a corporation, a granted inspector, a system administrator).
  if (oversees) work.push({ label: t('nav.oversight'), to: '/oversight' });

  const ledgers: Item[] = [];
  if (facilityBase && facilityScope && allowed('ledger.read', facilityScope)) {
    for (const page of ledgerPages) ledgers.push({ label: t(`nav.${page.key}`), to: `${facilityBase}/${page.path}` });
  }

  const manage: Item[] = [];
  if (facilityBase) manage.push({ label: t('nav.facility'), to: facilityBase, exact: true });
  if (facilityScope && allowed('member.read', facilityScope)) {
    manage.push({ label: t('nav.members'), to: `${facilityBase}/members` });
  }
  const canAudit =
    (facilityScope && allowed('audit.read', facilityScope)) ||
    (organizationId && allowed('audit.read', { kind: 'organization', organizationId })) ||
    session?.user.isSystemAdmin;
  if (canAudit) manage.push({ label: t('nav.audit'), to: '/audit' });
  if (organizationId && allowed('organization.read', { kind: 'organization', organizationId })) {
    manage.push({ label: t('nav.organization'), to: `/organizations/${organizationId}` });
  }
  if (session?.user.isSystemAdmin) manage.push({ label: t('nav.organizations'), to: '/organizations', exact: true });
  // 検査員: the health centers' inspector accounts, which no organization owns.
  if (allowed('inspector.manage', { kind: 'global' })) manage.push({ label: t('nav.inspectors'), to: '/inspectors' });

  // The vendor portal: the whole menu of a vendor's staff, a section of its own for someone on both sides.
  const vendorItems: Item[] =
    vendorMemberships(session).length > 0
      ? [
          { label: t('vendorPortal.nav.home'), to: vendorHome, exact: true },
          { label: t('vendorPortal.nav.answerSets'), to: `${vendorHome}/answer-sets` },
        ]
      : [];
  const vendorOnly = isVendorOnly(session);

  const isActive = (item: Item) => {
    if (item.key === 'dashboard') return pathname === '/' || pathname === item.to;
    // A contract and its vendor forms live outside the facility's URLs but belong to 事業者・契約.
    if (item.key === 'vendors' && (pathname.startsWith('/contracts/') || pathname.startsWith('/vendor-forms/'))) return true;
    return item.exact ? pathname === item.to || pathname === `${item.to}/` : pathname.startsWith(item.to);
  };

  const render = (item: Item) => (
    <NavLink
      key={item.to + item.label}
      component={Link}
      to={item.to}
      label={item.label}
      active={isActive(item)}
      onClick={onNavigate}
      variant="light"
      color="teal"
      {...(item.children?.length ? { opened: true, childrenOffset: 'md', rightSection: <span />, children: item.children.map(render) } : {})}
    />
  );

  return (
    <Stack gap={2} component="nav" aria-label={t('nav.label')}>
      <Text size="xs" c="dimmed" fw={700} px="sm" pb={4}>
        {t('nav.work')}
      </Text>
      {(vendorOnly ? vendorItems : work).map(render)}
      {!vendorOnly && vendorItems.length > 0 && (
        <>
          <Divider my="sm" />
          <Text size="xs" c="dimmed" fw={700} px="sm" pb={4}>
            {t('vendorPortal.nav.section')}
          </Text>
          {vendorItems.map(render)}
        </>
      )}
      {ledgers.length > 0 && (
        <>
          <Divider my="sm" />
          <Text size="xs" c="dimmed" fw={700} px="sm" pb={4}>
            {t('nav.ledgers')}
          </Text>
          {ledgers.map(render)}
        </>
      )}
      {manage.length > 0 && (
        <>
          <Divider my="sm" />
          <Text size="xs" c="dimmed" fw={700} px="sm" pb={4}>
            {t('nav.manage')}
          </Text>
          {manage.map(render)}
        </>
      )}
    </Stack>
  );
}

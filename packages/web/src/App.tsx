import { createBrowserRouter, RouterProvider } from 'react-router';
import { AccessLogsPage } from './access-logs/AccessLogsPage';
import { SourcePage as AccessLogSourcePage } from './access-logs/SourcePage';
import { AccountPage } from './account/AccountPage';
import { AuditPage } from './audit/AuditPage';
import { ChecklistFormPage } from './checklist/ChecklistFormPage';
import { ChecklistListPage } from './checklist/ChecklistListPage';
import { ContractPage } from './contracts/ContractPage';
import { ContractsPage } from './contracts/ContractsPage';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { SetupGate } from './auth/SetupGate';
import { SetupPage } from './auth/SetupPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { FacilityCreatePage } from './facilities/FacilityCreatePage';
import { FacilityPage } from './facilities/FacilityPage';
import { ImportPage } from './ledgers/import/ImportPage';
import { AccountsPage, AssetsPage } from './ledgers/LedgerPage';
import { LedgerRedirect } from './ledgers/LedgerRedirect';
import { AccountReviewPage } from './ledgers/review/AccountReviewPage';
import { LedgerSettingsPage } from './ledgers/settings/LedgerSettingsPage';
import { AcceptInvitationPage } from './invitations/AcceptInvitationPage';
import { AppLayout } from './layout/AppLayout';
import { ComingSoonPage } from './layout/ComingSoonPage';
import { featurePages } from './layout/Navigation';
import { NotFoundPage } from './layout/NotFoundPage';
import { InboxPage } from './notifications/InboxPage';
import { UnsubscribePage } from './notifications/UnsubscribePage';
import { MembersPage } from './members/MembersPage';
import { InspectionsPage } from './inspections/InspectionsPage';
import { InspectorsPage } from './inspectors/InspectorsPage';
import { OrganizationSettingsPage } from './organizations/OrganizationSettingsPage';
import { OrganizationsPage } from './organizations/OrganizationsPage';
import { BackupsPage } from './readiness/backups/BackupsPage';
import { BcpPage } from './readiness/bcp/BcpPage';
import { ContactChartPage } from './readiness/contacts/ContactChartPage';
import { IncidentPage } from './readiness/incidents/IncidentPage';
import { IncidentsPage } from './readiness/incidents/IncidentsPage';
import { ReadinessOverviewPage } from './readiness/ReadinessOverviewPage';
import { ReadinessRedirect } from './readiness/ReadinessRedirect';
import { VendorFormPage } from './vendor-forms/VendorFormPage';
import { AnswerSetEditorPage } from './vendor-portal/AnswerSetEditorPage';
import { AnswerSetsPage } from './vendor-portal/AnswerSetsPage';
import { VendorHomePage } from './vendor-portal/VendorHomePage';
import { VendorInvitationPage } from './vendor-portal/VendorInvitationPage';
import { OversightPage } from './oversight/OversightPage';

const router = createBrowserRouter([
  {
    element: <SetupGate />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/invite/:token', element: <AcceptInvitationPage /> },
      { path: '/vendor-invite/:token', element: <VendorInvitationPage /> },
      // The link at the foot of every reminder e-mail: no sign-in needed.
      { path: '/unsubscribe/:token', element: <UnsubscribePage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: '/facilities/:facilityId', element: <FacilityPage /> },
              { path: '/facilities/:facilityId/dashboard', element: <DashboardPage /> },
              { path: '/facilities/:facilityId/members', element: <MembersPage /> },
              { path: '/facilities/:facilityId/inspections', element: <InspectionsPage /> },
              { path: '/facilities/:facilityId/checklist', element: <ChecklistListPage /> },
              { path: '/facilities/:facilityId/checklist/:assessmentId', element: <ChecklistFormPage /> },
              { path: '/facilities/:facilityId/ledgers/assets', element: <AssetsPage /> },
              { path: '/facilities/:facilityId/ledgers/accounts', element: <AccountsPage /> },
              { path: '/facilities/:facilityId/ledgers/review', element: <AccountReviewPage /> },
              { path: '/facilities/:facilityId/ledgers/settings', element: <LedgerSettingsPage /> },
              { path: '/facilities/:facilityId/ledgers/:ledger/import', element: <ImportPage /> },
              // Older links (/facilities/:id/assets) and facility-less ones (/ledgers/accounts?open=…) land on the ledger.
              { path: '/facilities/:facilityId/assets', element: <LedgerRedirect ledger="assets" /> },
              { path: '/facilities/:facilityId/accounts', element: <LedgerRedirect ledger="accounts" /> },
              { path: '/ledgers/assets', element: <LedgerRedirect ledger="assets" /> },
              { path: '/ledgers/accounts', element: <LedgerRedirect ledger="accounts" /> },
              { path: '/facilities/:facilityId/readiness', element: <ReadinessOverviewPage /> },
              { path: '/facilities/:facilityId/readiness/contacts', element: <ContactChartPage /> },
              { path: '/facilities/:facilityId/readiness/backups', element: <BackupsPage /> },
              { path: '/facilities/:facilityId/readiness/bcp', element: <BcpPage /> },
              { path: '/facilities/:facilityId/readiness/incidents', element: <IncidentsPage /> },
              { path: '/facilities/:facilityId/readiness/incidents/:incidentId', element: <IncidentPage /> },
              // The menu's former placeholder (/facilities/:id/incidents) lands on the readiness overview.
              { path: '/facilities/:facilityId/incidents', element: <ReadinessRedirect /> },
              // アクセスログ (2(6)): the facility's log sources, and one source's log.
              { path: '/facilities/:facilityId/access-logs', element: <AccessLogsPage /> },
              { path: '/facilities/:facilityId/access-logs/:sourceId', element: <AccessLogSourcePage /> },
              // 事業者・契約: the facility's vendor contracts; a contract and its vendor forms open for both sides.
              { path: '/facilities/:facilityId/vendors', element: <ContractsPage /> },
              { path: '/contracts/:contractId', element: <ContractPage /> },
              { path: '/vendor-forms/:formId', element: <VendorFormPage /> },
              ...featurePages
                .filter((feature) => feature !== 'checklist' && feature !== 'incidents' && feature !== 'vendors')
                .map((feature) => ({
                  path: `/facilities/:facilityId/${feature}`,
                  element: <ComingSoonPage feature={feature} />,
                })),
              { path: '/organizations', element: <OrganizationsPage /> },
              { path: '/inspectors', element: <InspectorsPage /> },
              { path: '/organizations/:organizationId', element: <OrganizationSettingsPage /> },
              { path: '/organizations/:organizationId/facilities/new', element: <FacilityCreatePage /> },
              // The vendor portal: a vendor company's staff answer the facilities' requests.
              { path: '/vendor', element: <VendorHomePage /> },
              { path: '/vendor/answer-sets', element: <AnswerSetsPage /> },
              { path: '/vendor/answer-sets/new', element: <AnswerSetEditorPage /> },
              { path: '/vendor/answer-sets/:answerSetId', element: <AnswerSetEditorPage /> },
              { path: '/audit', element: <AuditPage /> },
              { path: '/account', element: <AccountPage /> },
              { path: '/notifications', element: <InboxPage /> },
              { path: '/oversight', element: <OversightPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}

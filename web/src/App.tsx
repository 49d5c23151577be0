/** The app: sign-in gate, then the page the address names. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from './components/AppShell.tsx';
import { Loading } from './components/Loading.tsx';
import { AdminPage } from './pages/admin/AdminPage.tsx';
import { NotificationsPage } from './pages/alerts/NotificationsPage.tsx';
import { SubscriptionsPage } from './pages/alerts/SubscriptionsPage.tsx';
import { CountryPage } from './pages/assessment/country/CountryPage.tsx';
import { EditionsPage } from './pages/assessment/editions/EditionsPage.tsx';
import { RegionsPage } from './pages/assessment/regions/RegionsPage.tsx';
import { ResultsPage } from './pages/assessment/results/ResultsPage.tsx';
import { EditionPage } from './pages/assessment-cycle/edition/EditionPage.tsx';
import { EditionsPage as CycleEditionsPage } from './pages/assessment-cycle/editions/EditionsPage.tsx';
import { QuestionnairePage } from './pages/assessment-cycle/questionnaire/QuestionnairePage.tsx';
import { AssignmentsPage } from './pages/assessment-cycle/questionnaires/AssignmentsPage.tsx';
import { ReviewPage } from './pages/assessment-cycle/review/ReviewPage.tsx';
import { ReviewQueuePage } from './pages/assessment-cycle/review-queue/ReviewQueuePage.tsx';
import { CollectionPage } from './pages/collection/CollectionPage.tsx';
import { CollectionsPage } from './pages/collections/CollectionsPage.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';
import { LookupPage } from './pages/lookup/LookupPage.tsx';
import { IncidentPage } from './pages/incidents/IncidentPage.tsx';
import { IncidentsPage } from './pages/incidents/IncidentsPage.tsx';
import { ObjectPage } from './pages/object/ObjectPage.tsx';
import { SignInPage } from './pages/sign-in/SignInPage.tsx';
import { match, useFocusOnNavigate, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

// The Gateway's pages are a chunk of their own (pages/gateway/GatewayPages.tsx says why).
const GatewayPages = lazy(() => import('./pages/gateway/GatewayPages.tsx'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1 tabIndex={-1}>{t('common.not_found_title')}</h1>
      <p>{t('common.not_found_text')}</p>
    </section>
  );
}

function Page() {
  const { path, query } = useLocation();
  let params: Record<string, string> | undefined;
  if (path === '/') return <DashboardPage />;
  if (path === '/collections') return <CollectionsPage />;
  if ((params = match('/collections/:id', path))) return <CollectionPage collectionId={params.id!} query={query} />;
  if ((params = match('/collections/:id/objects/:objectId', path))) return <ObjectPage collectionId={params.id!} objectId={params.objectId!} />;
  if (path === '/lookup') return <LookupPage />;
  if (path === '/import') return <ImportPage collectionId={query.get('collection') ?? undefined} />;
  if (path === '/incidents') return <IncidentsPage collection={query.get('collection') ?? undefined} />;
  if ((params = match('/incidents/:collection/:id', path))) return <IncidentPage collection={params.collection!} id={params.id!} />;
  if (path === '/assessment') return <EditionsPage />;
  if ((params = match('/assessment/editions/:name', path))) return <ResultsPage edition={params.name!} query={query} />;
  if ((params = match('/assessment/editions/:name/regions', path))) return <RegionsPage edition={params.name!} query={query} />;
  if ((params = match('/assessment/countries/:country', path))) return <CountryPage country={params.country!} query={query} />;
  if (path === '/alerts') return <NotificationsPage />;
  if (path === '/alerts/subscriptions') return <SubscriptionsPage />;
  if (path === '/cycle/editions') return <CycleEditionsPage />;
  if ((params = match('/cycle/editions/:name', path))) return <EditionPage name={params.name!} />;
  if ((params = match('/cycle/editions/:name/countries/:country', path)))
    return <QuestionnairePage name={params.name!} country={params.country!} pillar={query.get('pillar') ?? undefined} />;
  if ((params = match('/cycle/editions/:name/countries/:country/review', path))) return <ReviewPage name={params.name!} country={params.country!} />;
  if (path === '/cycle/questionnaires') return <AssignmentsPage />;
  if (path === '/cycle/review') return <ReviewQueuePage />;
  if (path === '/gateway' || path.startsWith('/gateway/')) {
    return (
      <Suspense fallback={<Loading />}>
        <GatewayPages path={path} query={query} notFound={<NotFound />} />
      </Suspense>
    );
  }
  if (path === '/admin' || path.startsWith('/admin/')) return <AdminPage section={path.split('/')[2] ?? 'organisations'} />;
  return <NotFound />;
}

export function App() {
  const { state } = useSession();
  useFocusOnNavigate();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') return <SignInPage />;
  return (
    <AppShell>
      <Page />
    </AppShell>
  );
}

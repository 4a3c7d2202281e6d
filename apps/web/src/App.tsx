import { lazy, ReactElement, Suspense } from 'react';
import { createBrowserRouter, Navigate, useParams } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { Role } from './api/session';
import { AppLayout } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import { HOME, useSession } from './session-context';
import { SignInPage } from './pages/auth/SignInPage';
import { SetPasswordPage } from './pages/auth/SetPasswordPage';
import { ApplicantHomePage } from './pages/applicant/ApplicantHomePage';
import { IntakeSurveyPage, SurveyChangePage } from './pages/applicant/IntakeSurveyPage';
import { ApplicationHubPage } from './pages/applicant/ApplicationHubPage';
import { SelfAssessmentPage } from './pages/applicant/SelfAssessmentPage';
import { GrowthReportPage } from './pages/applicant/GrowthReportPage';
import { NotificationsPage } from './pages/common/NotificationsPage';
import { NotFoundPage } from './pages/common/NotFoundPage';
import { OperatorPage } from './pages/common/OperatorPage';
import { AssignmentsPage } from './pages/reviewer/AssignmentsPage';
import { ReviewPage } from './pages/reviewer/ReviewPage';
import { StaffQueuePage } from './pages/staff/StaffQueuePage';
import { StaffApplicationPage } from './pages/staff/StaffApplicationPage';
import { ErasurePage } from './pages/staff/ErasurePage';
import { PeoplePage } from './pages/staff/PeoplePage';
import { WorkOverviewPage } from './pages/staff/WorkOverviewPage';
import { DecisionQueuePage } from './pages/board/DecisionQueuePage';
import { BoardApplicationPage } from './pages/board/BoardApplicationPage';
import { AuditorHomePage } from './pages/auditor/AuditorHomePage';
import { AuditApplicationPage } from './pages/auditor/AuditApplicationPage';
import { Loading } from './components/Loading';
import { DirectoryPage } from './pages/public/DirectoryPage';
import { VerifyPage } from './pages/public/VerifyPage';
import { AwardApplicantPage } from './pages/applicant/AwardApplicantPage';
import { AwardCyclesPage } from './pages/staff/AwardCyclesPage';
import { AwardBoardPage } from './pages/board/AwardBoardPage';
import { ProgressPage } from './pages/applicant/ProgressPage';
import { ProgressConfirmationPage } from './pages/reviewer/ProgressConfirmationPage';

// Charts (recharts) are most of the bundle and only the board's dashboard uses them: loaded when opened.
const BoardDashboardPage = lazy(() => import('./pages/board/BoardDashboardPage').then((m) => ({ default: m.BoardDashboardPage })));

const only = (roles: Role[], page: ReactElement) => <RequireRole roles={roles}>{page}</RequireRole>;

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? HOME[user.role] : '/sign-in'} replace />;
}

/** Mailed links say /applications/:id; each role opens its own view of that application. */
function ApplicationLink() {
  const { user } = useSession();
  const { id } = useParams();
  const own: Partial<Record<Role, string>> = {
    staff: `/staff/applications/${id}`,
    board: `/board/applications/${id}`,
    auditor: `/auditor/applications/${id}`,
    reviewer: `/reviews/${id}`,
  };
  if (user && own[user.role]) return <Navigate to={own[user.role]!} replace />;
  return only(['applicant'], <ApplicationHubPage />);
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <AppLayout />, children: [{ index: true, element: <SignInPage /> }] },
  { path: '/set-password', element: <AppLayout />, children: [{ index: true, element: <SetPasswordPage /> }] },
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/home', element: only(['applicant'], <ApplicantHomePage />) },
      { path: '/apply', element: only(['applicant'], <IntakeSurveyPage />) },
      { path: '/applications/:id', element: <ApplicationLink /> },
      { path: '/applications/:id/assessment', element: only(['applicant'], <SelfAssessmentPage />) },
      { path: '/applications/:id/survey', element: only(['applicant'], <SurveyChangePage />) },
      { path: '/applications/:id/growth-report', element: only(['applicant', 'staff', 'board', 'auditor'], <GrowthReportPage />) },
      { path: '/notifications', element: only(['applicant', 'reviewer', 'staff', 'board', 'operator'], <NotificationsPage />) },
      { path: '/reviews', element: only(['reviewer'], <AssignmentsPage />) },
      { path: '/reviews/:id', element: only(['reviewer'], <ReviewPage />) },
      // Yearly progress, renewal and reviewers' confirmation of an update.
      { path: '/applications/:id/progress', element: only(['applicant'], <ProgressPage />) },
      { path: '/reviews/progress/:id', element: only(['reviewer'], <ProgressConfirmationPage />) },
      { path: '/staff', element: only(['staff'], <StaffQueuePage />) },
      { path: '/staff/applications/:id', element: only(['staff'], <StaffApplicationPage />) },
      { path: '/staff/erasures', element: only(['staff'], <ErasurePage />) },
      { path: '/staff/people', element: only(['staff'], <PeoplePage />) },
      { path: '/staff/work', element: only(['staff'], <WorkOverviewPage />) },
      {
        path: '/board',
        element: only(
          ['board'],
          <Suspense fallback={<Loading what="Loading the dashboard" />}>
            <BoardDashboardPage />
          </Suspense>,
        ),
      },
      { path: '/board/decisions', element: only(['board'], <DecisionQueuePage />) },
      { path: '/board/applications/:id', element: only(['board'], <BoardApplicationPage />) },
      { path: '/auditor', element: only(['auditor'], <AuditorHomePage />) },
      { path: '/auditor/applications/:id', element: only(['auditor'], <AuditApplicationPage />) },
      { path: '/operator', element: only(['operator'], <OperatorPage />) },
      // Awards and the summit (mailed links say /awards).
      { path: '/awards', element: only(['applicant'], <AwardApplicantPage />) },
      { path: '/staff/awards', element: only(['staff'], <AwardCyclesPage />) },
      { path: '/board/awards', element: only(['board'], <AwardBoardPage />) },
      // The who's who is public, no sign-in.
      { path: '/directory', element: <DirectoryPage /> },
      { path: '/verify', element: <VerifyPage /> },
      { path: '/verify/:credentialId', element: <VerifyPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}

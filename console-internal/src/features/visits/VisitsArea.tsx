import './strings';
import { Suspense } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { retryingLazy, useCurrentUser } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { LoadingState, NotFoundState } from '@medchannel/web-shared/states';
import { can } from '@medchannel/shared-schema';

// Each tab is its own chunk, and so are the plan and note forms and the detail pages.
const WeekPage = retryingLazy(() => import('./week/WeekPage'));
const NotesPage = retryingLazy(() => import('./notes/NotesPage'));
const TeamPage = retryingLazy(() => import('./team/TeamPage'));
const DisputesPage = retryingLazy(() => import('./team/DisputesPage'));
const PlanPage = retryingLazy(() => import('./covisit/PlanPage'));
const CoVisitPage = retryingLazy(() => import('./covisit/CoVisitPage'));
const WriteNotePage = retryingLazy(() => import('./notes/WriteNotePage'));
const NotePage = retryingLazy(() => import('./notes/NotePage'));

/** Which tab a path belongs to: a plan and a co-visit sit under the week, a note under the notes. */
const TAB_OF: Record<string, string> = {
  week: 'week',
  plan: 'week',
  co: 'week',
  notes: 'notes',
  team: 'team',
  disputes: 'disputes',
};

/**
 * 拜访 — my week of co-visits (plan one at /visits/plan, one at /visits/co/<id>), visit notes
 * (write at /visits/notes/write, read at /visits/notes/<id>), and for regional heads the team's
 * visits and the commitments distributors disputed.
 */
export default function VisitsArea() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TAB_OF[pathname.split('/')[2] ?? ''] ?? 'week';
  const tabs = [
    'week',
    'notes',
    ...(can(user.role, 'coVisit.team') ? ['team'] : []),
    ...(can(user.role, 'commitment.resolve') ? ['disputes'] : []),
  ];

  return (
    <>
      <PageHeader title={t('nav.visits')} subtitle={t('visits.subtitle')} />
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/visits/${key}`)}
        style={{ marginTop: -8 }}
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`visits-tab-${key}`}>{t(`visits.tab.${key}`)}</span>,
        }))}
      />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={<Navigate to="week" replace />} />
          <Route path="week" element={<WeekPage />} />
          <Route path="plan" element={<PlanPage />} />
          <Route path="co/:id" element={<CoVisitPage />} />
          <Route path="notes" element={<NotesPage />} />
          <Route path="notes/write" element={<WriteNotePage />} />
          <Route path="notes/:id" element={<NotePage />} />
          {can(user.role, 'coVisit.team') && <Route path="team" element={<TeamPage />} />}
          {can(user.role, 'commitment.resolve') && <Route path="disputes" element={<DisputesPage />} />}
          <Route path="*" element={<NotFoundState />} />
        </Routes>
      </Suspense>
    </>
  );
}

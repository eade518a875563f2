import './strings';
import { Suspense } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { retryingLazy, useCurrentUser } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { LoadingState, NotFoundState } from '@medchannel/web-shared/states';
import type { LazyPage } from '@medchannel/web-shared';
import { can } from '@medchannel/shared-schema';

// Each tab is its own chunk, and so is the course page with its editor: the list loads alone.
const CoursesPage = retryingLazy(() => import('./courses/CoursesPage'));
const TABS: Array<{ key: string; page: LazyPage }> = [
  { key: 'courses', page: CoursesPage },
  { key: 'completion', page: retryingLazy(() => import('./reports/CompletionPage')) },
  { key: 'readiness', page: retryingLazy(() => import('./reports/ReadinessPage')) },
];
const CoursePage = retryingLazy(() => import('./editor/CoursePage'));

/**
 * 培训 — the training area: courses (list, the editor at /training/courses/<id>, a new one at
 * /training/courses/new), completion by province, distributor or course, and who is certified for what.
 */
export default function TrainingArea() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.split('/')[2] || 'courses';

  return (
    <>
      <PageHeader
        title={t('nav.training')}
        subtitle={t(can(user.role, 'training.edit') ? 'training.subtitleEditor' : 'training.subtitleReader')}
      />
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/training/${key}`)}
        style={{ marginTop: -8 }}
        items={TABS.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`training-tab-${tab.key}`}>{t(`training.tab.${tab.key}`)}</span>,
        }))}
      />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={<CoursesPage />} />
          {TABS.map((tab) => (
            <Route key={tab.key} path={tab.key} element={<tab.page />} />
          ))}
          <Route path="courses/:id" element={<CoursePage />} />
          <Route path="*" element={<NotFoundState />} />
        </Routes>
      </Suspense>
    </>
  );
}

import './strings';
import { Suspense } from 'react';
import { Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { retryingLazy, useCan } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { LoadingState } from '@medchannel/web-shared/states';
import { MyTrainingList } from './MyTrainingList';
import './training.css';

// The other tabs come as their own chunks when opened: most visits are a rep's own courses.
const CourseList = retryingLazy(() => import('./CourseList'));
const CertificateList = retryingLazy(() => import('./CertificateList'));
const TeamReadiness = retryingLazy(() => import('./TeamReadiness'));

const TABS = ['mine', 'courses', 'certificates', 'team'] as const;
type Tab = (typeof TABS)[number];

/**
 * 培训: my courses (assigned or started, by status, soonest due first), the other published
 * courses one may start, my certificates, and for the owner who in the team is certified for which
 * product line. The tab is kept in the URL, so back from a course lands on the same list.
 */
export default function TrainingPage() {
  const { t } = useTranslation();
  const seesTeam = useCan('training.seeTeam');
  const { params, setFilter } = useUrlFilters();
  const tabs = TABS.filter((x) => x !== 'team' || seesTeam);
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'mine';

  return (
    <Flex vertical gap={12} className="pt-page">
      <PageHeader title={t('training.title')} subtitle={t('training.subtitle')} />
      <Segmented<Tab>
        block
        value={tab}
        onChange={(value) => setFilter('tab', value === 'mine' ? undefined : value)}
        options={tabs.map((value) => ({
          value,
          label: <span data-testid={`training-tab-${value}`}>{t(`training.tab.${value}`)}</span>,
        }))}
        data-testid="training-tabs"
      />
      <Suspense fallback={<LoadingState />}>
        {tab === 'mine' && <MyTrainingList />}
        {tab === 'courses' && <CourseList />}
        {tab === 'certificates' && <CertificateList />}
        {tab === 'team' && <TeamReadiness />}
      </Suspense>
    </Flex>
  );
}

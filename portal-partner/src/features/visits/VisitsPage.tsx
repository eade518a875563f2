import './strings';
import { Suspense } from 'react';
import { Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { retryingLazy, useCan } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { LoadingState } from '@medchannel/web-shared/states';
import { CoVisitList } from './CoVisitList';
import './visits.css';

// Notes and the owner's commitments come as their own chunks when opened: most visits here are a rep's plans.
const NoteList = retryingLazy(() => import('./NoteList'));
const CommitmentInbox = retryingLazy(() => import('./CommitmentInbox'));

const TABS = ['plans', 'notes', 'commitments'] as const;
type Tab = (typeof TABS)[number];

/**
 * 拜访: my co-visits with the brand (ask the brand along, answer a proposal, check in at the
 * hospital, call one off), the notes CC'd to me, and for the owner the commitments the brand made
 * to the company. The tab is kept in the URL, so back from a plan or a note lands on the same list.
 */
export default function VisitsPage() {
  const { t } = useTranslation();
  const seesInbox = useCan('commitment.inbox');
  const { params, setFilter } = useUrlFilters();
  const tabs = TABS.filter((x) => x !== 'commitments' || seesInbox);
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'plans';

  return (
    <Flex vertical gap={12} className="pv-page">
      <PageHeader title={t('visits.title')} subtitle={t('visits.subtitle')} />
      <Segmented<Tab>
        block
        value={tab}
        onChange={(value) => {
          setFilter('tab', value === 'plans' ? undefined : value);
        }}
        options={tabs.map((value) => ({
          value,
          label: <span data-testid={`visits-tab-${value}`}>{t(`visits.tab.${value}`)}</span>,
        }))}
        data-testid="visits-tabs"
      />
      <Suspense fallback={<LoadingState />}>
        {tab === 'plans' && <CoVisitList />}
        {tab === 'notes' && <NoteList />}
        {tab === 'commitments' && <CommitmentInbox />}
      </Suspense>
    </Flex>
  );
}

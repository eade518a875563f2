import './strings';
import { Button, Card, Select, Tag, Typography } from 'antd';
import { ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OPPORTUNITY_STAGES, OpportunityStage, can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyOpportunitiesDocument, type OpportunityRowFragment } from '../../gql/graphql';
import { RegistrationTag } from '@medchannel/web-shared/opportunities';

/** 机会点: the distributor's pipeline (the API's scope: its own opportunities), newest first, phone first. */
export default function OpportunitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const stage = (params.get('stage') as OpportunityStage | null) ?? null;
  const query = useQuery(MyOpportunitiesDocument, { variables: { filter: { search: search || null, stage } } });
  const pager = useLoadMore(query, 'opportunities');
  const create = () => void navigate('/opportunities/new');
  return (
    <>
      <PageHeader
        title={t('opportunity.title')}
        extra={
          <>
            {can(user.role, 'portal.trials') && (
              <Link to="/trials">
                <Button icon={<ExperimentOutlined />}>{t('nav.trials')}</Button>
              </Link>
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={create} data-testid="opportunity-new">
              {t('opportunity.new')}
            </Button>
          </>
        }
      />
      <div style={{ display: 'flex', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <SearchFilter
          value={search}
          onSearch={(v) => setFilter('q', v)}
          placeholder={t('opportunity.searchPlaceholder')}
          testId="opportunity-search"
          maxWidth={9999}
        />
        <Select
          value={stage ?? ''}
          onChange={(v) => setFilter('stage', v || undefined)}
          options={[
            { value: '', label: t('opportunity.allStages') },
            ...OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`opportunity.stage.${s}`) })),
          ]}
          aria-label={t('opportunity.stageFilter')}
          style={{ minWidth: 140 }}
          data-testid="opportunity-stage-filter"
        />
      </div>
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="opportunity-list"
          footerTestId="opportunities"
          row={(o) => <OpportunityRow key={o.id} opportunity={o} />}
          empty={
            search || stage ? (
              <EmptyState title={t('opportunity.noMatch')} />
            ) : (
              <EmptyState
                title={t('opportunity.emptyTitle')}
                description={t('opportunity.emptyDescription')}
                action={
                  <Button type="primary" onClick={create}>
                    {t('opportunity.new')}
                  </Button>
                }
              />
            )
          }
        />
      </Card>
    </>
  );
}

function OpportunityRow({ opportunity: o }: { opportunity: OpportunityRowFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Link to={`/opportunities/${o.id}`} className="pp-item pp-row" data-testid="opportunity-row">
      <div className="pp-row-head">
        <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
          {o.hospital?.name ?? '—'}
        </Typography.Text>
        <Tag color={o.stage === OpportunityStage.LOST ? 'default' : 'blue'}>{t(`opportunity.stage.${o.stage}`)}</Tag>
      </div>
      <div className="pp-item-line">{[o.department?.name, o.productLine?.name].filter(Boolean).join(' · ')}</div>
      <div className="pp-row-head" style={{ marginTop: 4 }}>
        <RegistrationTag registration={o.registration} />
        <span className="pp-amount">{format.money(o.estimatedValue.amount, o.estimatedValue.currency)}</span>
      </div>
    </Link>
  );
}

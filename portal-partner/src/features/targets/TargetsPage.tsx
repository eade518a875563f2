import './strings';
import { Flex, Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { chinaToday } from '@medchannel/web-shared/kernel';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { MyTargetsDocument } from '../../gql/graphql';
import { TargetCard } from './TargetCard';

/** 年度目标: the owner's targets of a year per product line; answer a proposal (accept, counter), follow the sell-in. */
export default function TargetsPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear);
  // the rebate of the running quarter this year; of a past year its last, of a coming year its first
  const quarter =
    year === thisYear ? Math.floor((Number(chinaToday().slice(5, 7)) - 1) / 3) + 1 : year < thisYear ? 4 : 1;
  const { data, loading, error, refetch } = useQuery(MyTargetsDocument, { variables: { filter: { year }, quarter } });
  const targets = data?.salesTargets ?? [];
  return (
    <>
      <PageHeader
        title={t('target.title')}
        extra={
          <Select
            aria-label={t('target.year')}
            value={year}
            onChange={(v) => setFilter('year', String(v))}
            options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
          />
        }
      />
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : targets.length === 0 ? (
        <EmptyState title={t('target.empty')} />
      ) : (
        <Flex vertical gap={12} data-testid="target-list">
          {targets.map((x) => (
            <TargetCard key={x.id} target={x} rebate={x.rebate ?? null} />
          ))}
        </Flex>
      )}
    </>
  );
}

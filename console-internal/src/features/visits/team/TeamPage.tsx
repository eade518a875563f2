import { Card, Flex, Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { CoVisitStatusTag } from '@medchannel/web-shared/visits';
import { useFormat } from '@medchannel/web-shared';
import { TeamCoVisitsDocument, type CoVisitCardFragment } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { RegionSelect } from '../../../components/RegionSelect';
import { useVisitPeople } from '../pickers/people';
import { PersonList } from '../PersonList';
import { DateRangeFilter } from '../../../components/DateRangeFilter';

const PAGE_SIZE = 20;
const STATUSES = Object.values(CoVisitStatus);

/** 团队拜访: the regional head's and their people's co-visits, by region, person, dates and status. */
export default function TeamPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const people = useVisitPeople(undefined);
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is CoVisitStatus => STATUSES.includes(s as CoVisitStatus));
  const filter = {
    regionId: params.get('region') ?? undefined,
    userId: params.get('person') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    statuses: statuses.length ? statuses : undefined,
  };
  const filterKey = JSON.stringify(filter);
  const pages = useKeysetPages(filterKey);
  const { data, previousData, loading, error, refetch } = useQuery(TeamCoVisitsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.teamCoVisits;

  return (
    <Card>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <RegionSelect
          value={filter.regionId}
          onChange={(v) => setFilter('region', v)}
          placeholder={t('visit.team.allRegions')}
          style={{ width: 160 }}
          data-testid="team-region"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          value={filter.userId}
          onChange={(id?: string) => setFilter('person', id)}
          placeholder={t('visit.team.allPeople')}
          style={{ width: 180 }}
          options={people.colleagues.map((p) => ({ value: p.id, label: `${p.displayName} · ${t(`role.${p.role}`)}` }))}
          data-testid="team-person"
        />
        <DateRangeFilter testId="team-dates" />
        <Select
          mode="multiple"
          allowClear
          value={statuses}
          onChange={(v: string[]) => setFilter('status', v.join(',') || undefined)}
          placeholder={t('visit.team.allStatuses')}
          style={{ width: 240 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`coVisitStatus.${s}`) }))}
          data-testid="team-status"
        />
      </Flex>
      <PagedTable<CoVisitCardFragment>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="team-total"
        data-testid="team-visits"
        scroll={{ x: 960 }}
        onRow={(v) => ({ 'data-id': v.id, 'data-status': v.status }) as object}
        empty={<EmptyState title={t('visit.team.none')} />}
        columns={[
          {
            title: t('visit.when'),
            key: 'when',
            width: 170,
            render: (_, v) => <Link to={`/visits/co/${v.id}`}>{format.dateTime(v.startsAt)}</Link>,
          },
          {
            title: t('visit.hospital'),
            key: 'hospital',
            render: (_, v) => [v.hospital?.name, v.department?.name].filter(Boolean).join(' · ') || '—',
          },
          { title: t('visit.distributor'), key: 'distributor', render: (_, v) => v.distributor?.name ?? '—' },
          {
            title: t('visit.participants'),
            key: 'people',
            render: (_, v) => <PersonList people={v.participants.map((p) => p.user)} />,
          },
          {
            title: t('visit.status'),
            key: 'status',
            width: 100,
            render: (_, v) => <CoVisitStatusTag status={v.status} />,
          },
        ]}
      />
    </Card>
  );
}

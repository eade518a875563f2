import './strings';
import { useState } from 'react';
import { Button, Card, Flex, Select, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RecallStatus, can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import { RecallsDocument } from '../../gql/graphql';
import { CreateRecallModal } from './CreateRecallModal';
import { lotOf, SeverityTag } from './recallWords';

const PAGE_SIZE = 20;

/** 召回: the brand's recalls, newest first, with how many reached distributors acknowledged; issue a new one. */
export default function RecallsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { params, setFilter } = useUrlFilters();
  const status = (params.get('status') as RecallStatus | null) ?? undefined;
  const pages = useKeysetPages(status ?? '');
  const { data, previousData, loading, error, refetch } = useQuery(RecallsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter: { status } },
  });
  return (
    <>
      <PageHeader
        title={t('nav.recalls')}
        subtitle={t('recall.subtitle')}
        extra={
          can(user.role, 'recall.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('recall.new')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            value={status}
            onChange={(v) => setFilter('status', v)}
            placeholder={t('recall.allStatuses')}
            style={{ width: 160 }}
            aria-label={t('recall.status')}
            options={Object.values(RecallStatus).map((s) => ({ value: s, label: t(`recall.statusValue.${s}`) }))}
          />
        </Flex>
        <PagedTable
          list={{ page: (data ?? previousData)?.recalls, loading, error, refetch }}
          pages={pages}
          totalTestId="recalls-total"
          scroll={{ x: 900 }}
          empty={<EmptyState title={status ? t('recall.noMatch') : t('recall.none')} />}
          onRow={(r) => ({ ...rowData({ 'data-testid': 'recall-row' }), onClick: () => navigate(`/recalls/${r.id}`) })}
          columns={[
            {
              title: t('recall.product'),
              key: 'p',
              render: (_, r) => <Link to={`/recalls/${r.id}`}>{r.productName}</Link>,
            },
            { title: t('recall.lot'), key: 'l', render: (_, r) => lotOf(r) },
            {
              title: t('recall.severity'),
              key: 's',
              width: 110,
              render: (_, r) => <SeverityTag severity={r.severity} />,
            },
            {
              title: t('recall.status'),
              key: 'st',
              width: 100,
              render: (_, r) => <Tag>{t(`recall.statusValue.${r.status}`)}</Tag>,
            },
            {
              title: t('recall.ackProgress'),
              key: 'a',
              width: 120,
              render: (_, r) => `${r.acknowledgedCount} / ${r.distributorCount}`,
            },
            { title: t('recall.hospitals'), key: 'h', width: 90, align: 'right', render: (_, r) => r.hospitalCount },
            { title: t('recall.createdAt'), key: 'c', width: 170, render: (_, r) => format.dateTime(r.createdAt) },
          ]}
        />
      </Card>
      {creating && (
        <CreateRecallModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/recalls/${id}`)} />
      )}
    </>
  );
}

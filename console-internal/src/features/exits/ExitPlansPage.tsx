import './strings';
import { useState } from 'react';
import { Button, Card, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { ExitPlansDocument, type ExitPlansQuery } from '../../gql/graphql';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { StartExitModal } from './StartExitModal';

type Row = ExitPlansQuery['exitPlans']['nodes'][number];

const PAGE_SIZE = 20;

/** 劝退: the exit plans in view, latest effective date first; those over the field start one here. */
export default function ExitPlansPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const pages = useKeysetPages('');
  const { data, previousData, loading, error, refetch } = useQuery(ExitPlansDocument, {
    variables: { first: PAGE_SIZE, after: pages.after },
  });
  const page = (data ?? previousData)?.exitPlans;
  const [starting, setStarting] = useState(false);
  const manager = can(user.role, 'exit.manage');
  return (
    <>
      <PageHeader
        title={t('nav.exits')}
        subtitle={t('exit.subtitle')}
        extra={
          manager && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="exit-start">
              {t('exit.start')}
            </Button>
          )
        }
      />
      <Card>
        <PagedTable<Row>
          list={{ page, loading, error, refetch }}
          pages={pages}
          empty={<EmptyState title={t('exit.none')} description={t('exit.noneDescription')} />}
          totalTestId="exit-total"
          data-testid="exit-list"
          columns={[
            {
              title: t('exit.distributor'),
              key: 'distributor',
              render: (_, p) => <Link to={`/exits/${p.id}`}>{p.distributor?.name ?? '—'}</Link>,
            },
            {
              title: t('exit.effectiveOn'),
              key: 'effectiveOn',
              width: 130,
              render: (_, p) => format.date(p.effectiveOn),
            },
            {
              title: t('exit.successor'),
              key: 'successor',
              render: (_, p) => p.successor?.name ?? t('exit.noSuccessor'),
            },
            { title: t('exit.reason'), key: 'reason', ellipsis: true, render: (_, p) => p.reason },
            {
              title: t('exit.status'),
              key: 'status',
              width: 160,
              render: (_, p) =>
                p.acknowledgedAt ? (
                  <Tag color="green">{t('exit.acknowledged')}</Tag>
                ) : p.settledAt ? (
                  <Tag color="blue">{t('exit.settled')}</Tag>
                ) : (
                  <Tag color="orange">{t('exit.open')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      {manager && <StartExitModal open={starting} onClose={() => setStarting(false)} />}
    </>
  );
}

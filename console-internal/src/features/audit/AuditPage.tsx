import './strings';
import { Card, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { AuditChanges } from '@medchannel/web-shared/audit';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { AuditLogDocument, type AuditLogQuery } from '../../gql/graphql';
import { AuditFilters, useAuditFilter } from './AuditFilters';

type Row = AuditLogQuery['auditLog']['nodes'][number];
const PAGE_SIZE = 20;

/** Where the console shows a record of this kind, when it has a page of its own. */
const RECORD_PATH: Record<string, (id: string) => string> = {
  distributor: (id) => `/distributors/${id}`,
  order: (id) => `/orders/${id}`,
  statement: (id) => `/finance/statements/${id}`,
  hospital: (id) => `/hospitals/${id}`,
  co_visit: (id) => `/visits/co/${id}`,
  visit_note: (id) => `/visits/notes/${id}`,
  opportunity: (id) => `/opportunities/${id}`,
};

/** 审计日志: who did what to which record, when and from which side, before → after; filtered in the URL, paged by cursor, exported. */
export default function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filter, key, filtered } = useAuditFilter();
  const pages = useKeysetPages(key);
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.auditLog;
  const kind = (entity: string) => t(`audit.record_kind.${entity}`, { defaultValue: entity });

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <AuditFilters />
        <PagedTable<Row>
          list={{ page, loading, error, refetch }}
          pages={pages}
          totalTestId="audit-total"
          scroll={{ x: 1080 }}
          empty={<EmptyState title={filtered ? t('audit.noMatch') : t('audit.empty')} />}
          onRow={(row) =>
            ({ 'data-testid': 'audit-row', 'data-action': row.action }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('audit.when'), key: 'when', width: 150, render: (_, r) => format.dateTime(r.createdAt) },
            {
              title: t('audit.who'),
              key: 'who',
              width: 150,
              render: (_, r) => (
                <>
                  <Tag color={r.side === 'BRAND' ? 'blue' : 'green'}>{t(`audit.side${r.side}`)}</Tag>
                  {r.actor?.displayName ?? <Typography.Text type="secondary">{t('audit.someone')}</Typography.Text>}
                </>
              ),
            },
            {
              title: t('audit.what'),
              key: 'what',
              width: 130,
              render: (_, r) => t(`audit.action.${r.action}`, { defaultValue: r.action }),
            },
            {
              title: t('audit.record'),
              key: 'record',
              width: 150,
              render: (_, r) => {
                const path = RECORD_PATH[r.entity];
                const label = `${kind(r.entity)} · ${r.entityId.slice(0, 8)}`;
                return path ? <Link to={path(r.entityId)}>{label}</Link> : label;
              },
            },
            {
              title: t('audit.distributor'),
              key: 'distributor',
              width: 200,
              render: (_, r) => r.distributor?.name ?? '—',
            },
            {
              title: t('audit.changes'),
              key: 'changes',
              width: 320,
              render: (_, r) => <AuditChanges changes={r.changes} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

import { useState } from 'react';
import { Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCan, useFormat } from '@medchannel/web-shared';
import { PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { BrandPeopleDocument, type BrandPersonFragment } from '../../gql/graphql';
import { PagedTable } from '../../components/PagedTable';
import { useKeysetPages } from '../../components/KeysetPager';
import { PersonActions } from './PersonActions';
import { PersonModal } from './PersonModal';
import { StatusTag } from './StatusTag';
import './strings';

/**
 * 人员: the brand's people, their role, regions, state and last sign-in. The admin invites (an
 * e-mail with a link to set a password), edits role and regions, disables and enables; a regional
 * head reads the list.
 */
export default function PeoplePage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const manage = useCan('people.manage');
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const pages = useKeysetPages(search);
  const { data, previousData, loading, error, refetch } = useQuery(BrandPeopleDocument, {
    // a regional head reads his team; the admin manages everyone
    variables: { first: 20, after: pages.after, search: search || undefined, team: manage ? undefined : true },
  });
  const [editing, setEditing] = useState<BrandPersonFragment | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.people')}
        subtitle={manage ? t('people.subtitle') : t('people.teamSubtitle')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setEditing('new')}
              data-testid="invite-user"
            >
              {t('people.invite')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <SearchFilter
            value={search}
            onSearch={(v) => setFilter('q', v)}
            placeholder={t('people.searchPlaceholder')}
            testId="people-search"
          />
        </Flex>
        <PagedTable<BrandPersonFragment>
          list={{ page: (data ?? previousData)?.users, loading, error, refetch }}
          pages={pages}
          empty={<EmptyState title={t('people.empty')} />}
          totalTestId="people-total"
          onRow={(row) => ({ 'data-testid': 'person-row', 'data-email': row.email }) as never}
          columns={[
            {
              title: t('people.name'),
              key: 'name',
              render: (_, u) => (
                <>
                  <Typography.Text strong>{u.displayName}</Typography.Text>
                  <div style={{ color: '#8c8c8c', fontSize: 12 }}>{u.email}</div>
                </>
              ),
            },
            { title: t('people.role'), key: 'role', render: (_, u) => t(`role.${u.role}`) },
            {
              title: t('people.regions'),
              key: 'regions',
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.regions.map((r) => (
                    <Tag key={r.id}>{r.name}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('people.status'), key: 'status', render: (_, u) => <StatusTag status={u.status} /> },
            {
              title: t('people.lastSignIn'),
              key: 'lastSignIn',
              render: (_, u) => (u.lastSignInAt ? dateTime(u.lastSignInAt) : t('people.never')),
            },
            ...(manage
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, u: BrandPersonFragment) => (
                      <PersonActions person={u} onEdit={() => setEditing(u)} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <PersonModal
          person={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => void refetch()}
        />
      )}
    </>
  );
}

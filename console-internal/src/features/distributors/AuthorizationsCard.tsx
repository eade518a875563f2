import { useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { AuthorizationKindTag, AuthorizationStatusTag } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { type AuthorizationRowFragment } from '../../gql/graphql';
import { GrantDrawer } from './GrantDrawer';
import { ChangeGrantModal, type GrantAction } from './ChangeGrantModal';
import { LetterLink } from './LetterLink';

const names = (items: Array<{ name: string }>) => items.map((i) => i.name).join('、');

export function AuthorizationsCard({
  distributorId,
  grants,
  canManage,
}: {
  distributorId: string;
  grants: AuthorizationRowFragment[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [drawer, setDrawer] = useState(false);
  const [action, setAction] = useState<GrantAction | null>(null);
  const live = (g: AuthorizationRowFragment) => g.status === 'ACTIVE' || g.status === 'SCHEDULED';

  return (
    <Card
      title={t('grant.cardTitle')}
      style={{ marginBottom: 16 }}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer(true)} data-testid="grant-open">
            {t('grant.open')}
          </Button>
        )
      }
    >
      {grants.length === 0 ? (
        <EmptyState title={t('grant.none')} description={t('grant.noneDescription')} />
      ) : (
        <Table<AuthorizationRowFragment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={grants}
          scroll={{ x: 1000 }}
          data-testid="authorizations"
          columns={[
            {
              title: t('grant.kind'),
              key: 'kind',
              width: 130,
              render: (_, g) => <AuthorizationKindTag kind={g.kind} exclusive={g.exclusive} />,
            },
            {
              title: t('grant.what'),
              key: 'what',
              render: (_, g) => names([...g.productLines, ...g.products]),
            },
            { title: t('grant.where'), key: 'where', render: (_, g) => names([...g.regions, ...g.hospitals]) },
            {
              title: t('grant.period'),
              key: 'period',
              width: 220,
              render: (_, g) => (
                <>
                  {format.date(g.validFrom)} – {format.date(g.validTo)}
                  {g.revokedFrom && (
                    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                      {t('grant.revokedFrom', { date: format.date(g.revokedFrom) })}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t('grant.status'),
              key: 'status',
              width: 100,
              render: (_, g) => <AuthorizationStatusTag status={g.status} />,
            },
            {
              title: t('letter.column'),
              key: 'letter',
              width: 100,
              render: (_, g) => live(g) && <LetterLink grantId={g.id} />,
            },
            ...(canManage
              ? [
                  {
                    title: t('grant.actions'),
                    key: 'actions',
                    width: 140,
                    render: (_: unknown, g: AuthorizationRowFragment) =>
                      live(g) && (
                        <Space size={4}>
                          <Button size="small" type="link" onClick={() => setAction({ kind: 'extend', grant: g })}>
                            {t('grant.extend')}
                          </Button>
                          <Button
                            size="small"
                            type="link"
                            danger
                            onClick={() => setAction({ kind: 'revoke', grant: g })}
                          >
                            {t('grant.revoke')}
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <GrantDrawer distributorId={distributorId} open={drawer} onClose={() => setDrawer(false)} />
      {action && <ChangeGrantModal action={action} onClose={() => setAction(null)} />}
    </Card>
  );
}

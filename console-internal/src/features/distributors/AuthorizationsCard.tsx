import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { formError, useFormat } from '@medchannel/web-shared';
import { AuthorizationKindTag, AuthorizationStatusTag } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { ExtendAuthorizationDocument, RevokeAuthorizationDocument, type AuthorizationRowFragment } from '../../gql/graphql';
import { GrantDrawer } from './GrantDrawer';

type Action = { kind: 'extend' | 'revoke'; grant: AuthorizationRowFragment } | null;

const names = (items: Array<{ name: string }>) => items.map((i) => i.name).join('、');

export function AuthorizationsCard({ distributorId, grants, canManage }: { distributorId: string; grants: AuthorizationRowFragment[]; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [drawer, setDrawer] = useState(false);
  const [action, setAction] = useState<Action>(null);
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
          scroll={{ x: 900 }}
          data-testid="authorizations"
          columns={[
            { title: t('grant.kind'), key: 'kind', width: 130, render: (_, g) => <AuthorizationKindTag kind={g.kind} exclusive={g.exclusive} /> },
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
            { title: t('grant.status'), key: 'status', width: 100, render: (_, g) => <AuthorizationStatusTag status={g.status} /> },
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
                          <Button size="small" type="link" danger onClick={() => setAction({ kind: 'revoke', grant: g })}>
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

function ChangeGrantModal({ action, onClose }: { action: NonNullable<Action>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ date: Dayjs; reason?: string }>();
  const [extend, extending] = useMutation(ExtendAuthorizationDocument);
  const [revoke, revoking] = useMutation(RevokeAuthorizationDocument);
  const [failure, setFailure] = useState<{ message: string; detail?: string } | null>(null);
  const { grant, kind } = action;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setFailure(null);
    const date = v.date.format('YYYY-MM-DD');
    try {
      if (kind === 'extend') await extend({ variables: { id: grant.id, validTo: date, expectedVersion: grant.version } });
      else await revoke({ variables: { id: grant.id, effectiveFrom: date, reason: v.reason ?? '', expectedVersion: grant.version } });
      onClose();
    } catch (error) {
      const f = formError(t, error);
      if (f.field === 'validTo' || f.field === 'effectiveFrom') form.setFields([{ name: 'date', errors: [f.detail ? `${f.message} ${f.detail}` : f.message] }]);
      else setFailure(f);
    }
  };

  return (
    <Modal
      open
      title={t(kind === 'extend' ? 'grant.extendTitle' : 'grant.revokeTitle')}
      okText={t(kind === 'extend' ? 'grant.extend' : 'grant.revoke')}
      okButtonProps={{ danger: kind === 'revoke' }}
      cancelText={t('action.cancel')}
      confirmLoading={extending.loading || revoking.loading}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ date: kind === 'extend' ? dayjs(grant.validTo).add(30, 'day') : dayjs() }}>
        <Form.Item
          name="date"
          label={t(kind === 'extend' ? 'grant.newValidTo' : 'grant.effectiveFrom')}
          rules={[{ required: true, message: t('grant.dateRequired') }]}
          extra={kind === 'revoke' ? t('grant.revokeHelp') : undefined}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'revoke' && (
          <Form.Item name="reason" label={t('grant.revokeReason')} rules={[{ required: true, whitespace: true, message: t('lifecycle.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
      {failure && <Alert type="error" showIcon title={failure.message} description={failure.detail} />}
    </Modal>
  );
}

import { useState } from 'react';
import { Button, Card, Drawer, Flex, Tag, Typography } from 'antd';
import { RightOutlined, SwapOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@medchannel/web-shared';
import { MyMembershipsDocument, SwitchMembershipDocument } from '../../gql/graphql';

/**
 * 切换品牌 (under 我的), only for someone who works for more than one brand: the session moves to
 * the chosen brand's membership and the portal starts again at home, nothing of the other brand
 * kept (the client's cache is cleared and the page reloaded).
 */
export function BrandSwitcher() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { data } = useQuery(MyMembershipsDocument);
  const [switchMembership] = useMutation(SwitchMembershipDocument);
  const [open, setOpen] = useState(false);
  const [choosing, setChoosing] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const memberships = data?.myMemberships ?? [];
  if (memberships.length < 2) return null;

  const choose = async (userId: string) => {
    setChoosing(userId);
    setFailure(null);
    try {
      await switchMembership({ variables: { userId } });
      await client.clearStore();
      window.location.assign('/');
    } catch (error) {
      setFailure(error);
      setChoosing(null);
    }
  };

  return (
    <>
      <Card size="small" hoverable onClick={() => setOpen(true)} data-testid="me-switch-brand">
        <Flex justify="space-between" align="center">
          <Typography.Text>
            <SwapOutlined style={{ marginRight: 8, color: '#1565c0' }} />
            {t('me.switchBrand')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('me.brandCount', { count: memberships.length })} <RightOutlined />
          </Typography.Text>
        </Flex>
      </Card>
      <Drawer
        placement="bottom"
        size="auto"
        open={open}
        onClose={() => setOpen(false)}
        title={t('me.chooseBrand')}
        styles={{ body: { paddingBottom: 24 } }}
      >
        <Flex vertical gap={8} role="list">
          {memberships.map((m) => (
            <Button
              key={m.id}
              role="listitem"
              block
              size="large"
              disabled={m.current || (choosing !== null && choosing !== m.id)}
              loading={choosing === m.id}
              onClick={() => void choose(m.id)}
              style={{ height: 'auto', padding: '8px 12px', justifyContent: 'space-between' }}
            >
              <Flex vertical align="flex-start" style={{ minWidth: 0 }}>
                <Typography.Text strong>{m.brandName}</Typography.Text>
                <Typography.Text type="secondary" ellipsis>
                  {m.distributorName} · {t(`role.${m.role}`)}
                </Typography.Text>
              </Flex>
              {m.current && <Tag color="blue">{t('me.currentBrand')}</Tag>}
            </Button>
          ))}
          {failure != null && <Typography.Text type="danger">{errorMessage(t, failure)}</Typography.Text>}
        </Flex>
      </Drawer>
    </>
  );
}

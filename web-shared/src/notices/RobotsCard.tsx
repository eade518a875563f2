import { useState } from 'react';
import { Button, Card, Flex, Input, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RobotProvider } from '@medchannel/shared-schema';
import { useCodedError } from '../kernel';
import { RobotLog } from './RobotLog';
import { GroupRobotsDocument, SetGroupRobotDocument, type GroupRobotsQuery } from '../gql/graphql';
import { useFeedback } from '../app/notice';

type Robot = GroupRobotsQuery['groupRobots'][number];

/**
 * The side's WeCom and DingTalk group robots (the brand's for its admins, the distributor's for
 * its owner): one each, set by pasting the robot's webhook URL (and DingTalk's signing secret).
 * Neither is shown again once saved.
 */
export function RobotsCard({ hint }: { hint: string }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(GroupRobotsDocument);
  return (
    <Card title={t('notice.settings.robots.title')} size="small" loading={loading} data-testid="group-robots">
      <Typography.Paragraph type="secondary">{t(hint)}</Typography.Paragraph>
      <Flex vertical gap={16}>
        {[RobotProvider.WECOM, RobotProvider.DINGTALK].map((provider) => (
          <RobotForm
            key={provider}
            provider={provider}
            robot={data?.groupRobots.find((r) => r.provider === provider) ?? null}
          />
        ))}
      </Flex>
    </Card>
  );
}

function RobotForm({ provider, robot }: { provider: RobotProvider; robot: Robot | null }) {
  const { t } = useTranslation();
  const message = useFeedback();
  const explain = useCodedError({ prefix: 'notice.robotError' });
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(robot?.enabled ?? true);
  const [save, saving] = useMutation(SetGroupRobotDocument, { refetchQueries: ['GroupRobots'] });
  const submit = async () => {
    try {
      await save({
        variables: {
          provider,
          url: url.trim(),
          secret: provider === RobotProvider.DINGTALK && secret ? secret : null,
          enabled,
          expectedVersion: robot?.version ?? null,
        },
      });
      setUrl('');
      setSecret('');
      message.success(t('notice.settings.saved'));
    } catch {
      // shown below
    }
  };
  return (
    <Flex vertical gap={8} data-testid={`robot-${provider}`}>
      <Flex align="center" gap={8}>
        <Typography.Text strong>{t(`notice.settings.robots.provider.${provider}`)}</Typography.Text>
        {robot ? (
          <Tag color={robot.enabled ? 'green' : 'default'} data-testid={`robot-${provider}-state`}>
            {t(robot.enabled ? 'notice.settings.robots.on' : 'notice.settings.robots.off')}
          </Tag>
        ) : (
          <Tag data-testid={`robot-${provider}-state`}>{t('notice.settings.robots.notSet')}</Tag>
        )}
      </Flex>
      <Input
        placeholder={t('notice.settings.robots.url')}
        aria-label={t('notice.settings.robots.url')}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        data-testid={`robot-${provider}-url`}
      />
      {provider === RobotProvider.DINGTALK && (
        <Input.Password
          placeholder={
            robot?.hasSecret ? t('notice.settings.robots.secretSet') : t('notice.settings.robots.secretHint')
          }
          aria-label={t('notice.settings.robots.secret')}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          data-testid={`robot-${provider}-secret`}
        />
      )}
      <Flex align="center" justify="space-between" gap={8}>
        <Flex align="center" gap={8}>
          <Switch checked={enabled} onChange={setEnabled} data-testid={`robot-${provider}-enabled`} />
          <Typography.Text>{t('notice.settings.robots.enabled')}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          disabled={!url.trim()}
          loading={saving.loading}
          onClick={() => void submit()}
          data-testid={`robot-${provider}-save`}
        >
          {t('notice.settings.robots.save')}
        </Button>
      </Flex>
      {robot && (
        <RobotLog robotId={robot.id} enabled={robot.enabled} label={t(`notice.settings.robots.provider.${provider}`)} />
      )}
      {saving.error && (
        <Typography.Text type="danger" data-testid={`robot-${provider}-error`}>
          {explain(saving.error).message}
        </Typography.Text>
      )}
    </Flex>
  );
}

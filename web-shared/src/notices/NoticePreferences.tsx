import { Card, Flex, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { NotificationChannel, NotificationDelivery } from '@medchannel/shared-schema';
import { useCodedError } from '../kernel';
import { NotificationPreferencesDocument, SetNotificationPreferencesDocument } from '../gql/graphql';

const CHANNELS = [NotificationChannel.IN_APP, NotificationChannel.GROUP_ROBOT, NotificationChannel.EMAIL];

const ALL = [NotificationDelivery.INSTANT, NotificationDelivery.DIGEST, NotificationDelivery.OFF];

/** What each channel offers: the inbox takes notices at once or not at all; a robot and e-mail also in the daily digest. */
const CHOICES: Record<NotificationChannel, NotificationDelivery[]> = {
  [NotificationChannel.IN_APP]: [NotificationDelivery.INSTANT, NotificationDelivery.OFF],
  [NotificationChannel.GROUP_ROBOT]: ALL,
  [NotificationChannel.EMAIL]: ALL,
};

/** The viewer's kinds × channels; each choice is saved as it is made. */
export function NoticePreferences() {
  const { t } = useTranslation();
  const explain = useCodedError();
  const { data, loading } = useQuery(NotificationPreferencesDocument);
  const [save, saving] = useMutation(SetNotificationPreferencesDocument, {
    update(cache, { data: saved }) {
      if (saved)
        cache.writeQuery({
          query: NotificationPreferencesDocument,
          data: { notificationPreferences: saved.setNotificationPreferences },
        });
    },
  });
  const prefs = data?.notificationPreferences ?? [];
  const kinds = [...new Set(prefs.map((p) => p.kind))];
  return (
    <Card title={t('notice.settings.preferences')} size="small" loading={loading} data-testid="notice-preferences">
      <Typography.Paragraph type="secondary">{t('notice.settings.hint')}</Typography.Paragraph>
      {saving.error && <Typography.Text type="danger">{explain(saving.error).message}</Typography.Text>}
      <Flex vertical gap={8}>
        {kinds.map((kind) => (
          <Flex key={kind} justify="space-between" align="center" wrap gap={8} data-testid={`pref-${kind}`}>
            <Typography.Text style={{ minWidth: 140 }}>
              {t(`notice.kindName.${kind}`, { defaultValue: kind })}
            </Typography.Text>
            <Flex gap={8} wrap>
              {CHANNELS.map((channel) => (
                <Flex key={channel} align="center" gap={4}>
                  <Typography.Text type="secondary">{t(`notice.settings.channel.${channel}`)}</Typography.Text>
                  <Select
                    size="small"
                    style={{ width: 112 }}
                    value={prefs.find((p) => p.kind === kind && p.channel === channel)?.delivery}
                    options={CHOICES[channel].map((d) => ({ value: d, label: t(`notice.settings.delivery.${d}`) }))}
                    onChange={(delivery) => void save({ variables: { choices: [{ kind, channel, delivery }] } })}
                    data-testid={`pref-${kind}-${channel}`}
                  />
                </Flex>
              ))}
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@medchannel/web-shared/components';
import { useCan } from '@medchannel/web-shared';
import { NoticePreferences, RobotsCard, addNoticeStrings } from '@medchannel/web-shared/notices';

addNoticeStrings();

/** 我的 › 通知设置: which notices reach me where; the owner also sets the company's group robots. */
export default function NoticeSettingsPage() {
  const { t } = useTranslation();
  const robots = useCan('notice.configureRobots');
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('notice.settings.title')} />
      <NoticePreferences />
      {robots && <RobotsCard hint="notice.settings.robots.distributorHint" />}
    </Flex>
  );
}

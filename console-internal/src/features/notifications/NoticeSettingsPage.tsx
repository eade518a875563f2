import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { NoticePreferences, RobotsCard } from '@medchannel/web-shared/notices';
import { addInboxStrings } from './strings';

addInboxStrings();

/** 通知设置: the viewer's kinds × channels; the brand's admins also set its WeCom and DingTalk group robots. */
export default function NoticeSettingsPage() {
  const { t } = useTranslation();
  const robots = useCan('notice.configureRobots');
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('notice.settings.title')} />
      {robots && <RobotsCard hint="notice.settings.robots.brandHint" />}
      <NoticePreferences />
    </Flex>
  );
}

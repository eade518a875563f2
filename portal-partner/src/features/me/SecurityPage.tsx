import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@medchannel/web-shared/components';
import { ChangePasswordCard, SessionsCard } from '@medchannel/web-shared/access';

/** 账号安全 (under 我的): change my password, see and end my sessions. */
export default function SecurityPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('me.security')} />
      <ChangePasswordCard />
      <SessionsCard />
    </Flex>
  );
}

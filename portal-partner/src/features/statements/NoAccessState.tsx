import { Result } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** A rep the owner has not (or no longer) let see the account: who can open it, and where. */
export function NoAccessState() {
  const { t } = useTranslation();
  return (
    <Result
      icon={<LockOutlined style={{ color: '#8a919c' }} />}
      title={t('account.noAccessTitle')}
      subTitle={t('account.noAccessText')}
      data-testid="account-no-access"
    />
  );
}

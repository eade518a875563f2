import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrialStatus } from '../gql/opportunities/graphql';
import { addOpportunityStrings } from './strings';

addOpportunityStrings();

const COLOR: Record<TrialStatus, string> = {
  PLANNED: 'default',
  DELIVERED: 'blue',
  EXTENDED: 'purple',
  RETURNED: 'green',
  CANCELLED: 'default',
};

/** A trial's status, and 已逾期 when it is out past its last day. */
export function TrialStatusTag({ status, overdue }: { status: TrialStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={COLOR[status]}>{t(`trial.status.${status}`)}</Tag>
      {overdue && (
        <Tag color="red" data-testid="trial-overdue">
          {t('trial.overdue')}
        </Tag>
      )}
    </Space>
  );
}

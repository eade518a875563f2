import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';

/** A registration this close to its end date gets flagged: renewal takes longer than that. */
const SOON_DAYS = 60;

/** Calendar days from today (local) to a LocalDate (YYYY-MM-DD); negative once it has passed. */
function daysUntil(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number);
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((Date.UTC(y, m - 1, d) - today) / 86_400_000);
}

export function RegistrationValidity({ to }: { to: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = daysUntil(to);
  return (
    <Space size={4} wrap>
      <span>{format.date(to)}</span>
      {days < 0 ? (
        <Tag color="red" data-testid="registration-expired">
          {t('product.expired')}
        </Tag>
      ) : days <= SOON_DAYS ? (
        <Tag color="orange" data-testid="registration-soon">
          {t('product.expiresIn', { count: days })}
        </Tag>
      ) : null}
    </Space>
  );
}

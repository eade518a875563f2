import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { PortalTargetFragment } from '../../gql/graphql';

/** The sell-in of each month with any, oldest first. */
export function ProgressMonths({ months }: { months: PortalTargetFragment['progress']['months'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (months.length === 0) return <Typography.Text type="secondary">{t('target.noSellIn')}</Typography.Text>;
  return (
    <>
      {months.map((m) => (
        <div key={m.month} className="pp-item-line" style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>{m.month}</span>
          <span>{format.money(m.amount.amount, m.amount.currency)}</span>
        </div>
      ))}
    </>
  );
}

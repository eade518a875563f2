import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { PortalRebateFragment } from '../../gql/graphql';

/** A rate of up to 4 decimals ("0.0125") as a percent ("1.25"), exactly. */
const percentOf = (rate: string) => String(Math.round(Number(rate) * 10000) / 100);

/** 返利: the quarter's projected rebate on an agreed target, and the sell-in still needed for the next band. */
export function RebateProjection({ rebate: r }: { rebate: PortalRebateFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (r.policyVersion === null)
    return <Typography.Text type="secondary">{t('target.rebate.noPolicy')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="target-rebate">
      <Flex justify="space-between">
        <Typography.Text type="secondary">{t('target.rebate.projected', { n: r.quarter })}</Typography.Text>
        <Typography.Text strong>{format.money(r.rebate.amount, r.rebate.currency)}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary">
        {r.band ? t('target.rebate.band', { rate: percentOf(r.band.rate) }) : t('target.rebate.noBand')}
      </Typography.Text>
      {r.nextBand && r.moreToNext ? (
        <Typography.Text>
          {t('target.rebate.moreToNext', {
            amount: format.money(r.moreToNext.amount, r.moreToNext.currency),
            rate: percentOf(r.nextBand.rate),
          })}
        </Typography.Text>
      ) : (
        <Typography.Text type="success">{t('target.rebate.top')}</Typography.Text>
      )}
    </Flex>
  );
}

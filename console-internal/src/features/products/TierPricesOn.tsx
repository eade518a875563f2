import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { type ProductRow } from './useProductList';

/** Each tier's price in force on the table's day; a tier without one sells at the list price. */
export function TierPricesOn({ prices }: { prices: ProductRow['pricesOn'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!prices.length) return <Typography.Text type="secondary">{t('product.noPriceOnDay')}</Typography.Text>;
  return (
    <Flex vertical data-testid="product-tier-prices">
      {[...prices]
        .sort((a, b) => a.tier - b.tier)
        .map((p) => (
          <span key={p.id}>
            {t('product.tierValue', { tier: p.tier })} {format.money(p.price)}
          </span>
        ))}
    </Flex>
  );
}

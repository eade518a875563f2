import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { type ProductPricesQuery } from '../../gql/graphql';

type Detail = ProductPricesQuery['product'];
type RegistrationRow = Detail['registrations'][number];
type PriceRow = Detail['priceList'][number];

/** The certificates the product was registered under, newest first; the product's current one marked. */
export function RegistrationHistory({ rows, currentNo }: { rows: RegistrationRow[]; currentNo: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('product.registrations')}
      </Typography.Title>
      <Table<RegistrationRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="product-registrations"
        columns={[
          {
            title: t('product.registrationNo'),
            key: 'no',
            render: (_, r, i) => (
              <>
                {r.registrationNo}{' '}
                {i === 0 && r.registrationNo === currentNo && <Tag color="green">{t('product.current')}</Tag>}
              </>
            ),
          },
          { title: t('product.validFrom'), key: 'from', render: (_, r) => format.date(r.validFrom) },
          { title: t('product.validTo'), key: 'to', render: (_, r) => format.date(r.validTo) },
          { title: t('product.recordedAt'), key: 'at', render: (_, r) => format.date(r.createdAt) },
        ]}
      />
    </>
  );
}

/** Every tier's prices over time: a change from a date closes the tier's price before it. */
export function PriceHistory({ rows }: { rows: PriceRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('product.priceList')}
      </Typography.Title>
      <Table<PriceRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...rows].sort((a, b) => a.tier - b.tier || b.effectiveFrom.localeCompare(a.effectiveFrom))}
        locale={{ emptyText: <EmptyState title={t('product.noPrices')} /> }}
        data-testid="product-prices"
        columns={[
          {
            title: t('product.tier'),
            key: 'tier',
            width: 90,
            render: (_, r) => t('product.tierValue', { tier: r.tier }),
          },
          { title: t('product.price'), key: 'price', align: 'right', render: (_, r) => format.money(r.price) },
          { title: t('product.effectiveFrom'), key: 'from', render: (_, r) => format.date(r.effectiveFrom) },
          {
            title: t('product.effectiveTo'),
            key: 'to',
            render: (_, r) => (r.effectiveTo ? format.date(r.effectiveTo) : t('product.openEnded')),
          },
        ]}
      />
    </>
  );
}

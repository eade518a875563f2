import { useState } from 'react';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedTable } from '../../components/PagedTable';
import { useProductList, type ProductRow } from './useProductList';
import { RegistrationValidity } from './RegistrationValidity';
import { CertificationSwitch } from './CertificationSwitch';
import { ProductDrawer } from './ProductDrawer';
import { ProductFormModal } from './ProductFormModal';
import { TierPricesOn } from './TierPricesOn';
import { ProductFilters } from './ProductFilters';
import './strings';

/**
 * The brand's catalogue: server-paged by keyset cursor, filters in the URL, each tier's price on a
 * chosen day; a product's certificates and price history, and what may be done to them, in a drawer.
 */
export default function ProductsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const filters = useProductList();
  const { setFilter, search, productLineId, deviceClass, on, pages, list, open, setOpenId } = filters;

  return (
    <>
      <PageHeader
        title={t('nav.products')}
        subtitle={t('product.subtitle')}
        extra={
          <Flex gap={8}>
            {can(user.role, 'import.prices') && (
              <Link to="/import?kind=prices">
                <Button icon={<ImportOutlined />}>{t('product.importPrices')}</Button>
              </Link>
            )}
            {can(user.role, 'product.create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('product.create')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card>
        <ProductFilters filters={filters} />
        <PagedTable<ProductRow>
          list={list}
          pages={pages}
          totalTestId="product-total"
          scroll={{ x: 1100 }}
          onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
          empty={
            <EmptyState title={search || productLineId || deviceClass ? t('product.noMatch') : t('product.none')} />
          }
          columns={[
            {
              title: t('product.name'),
              key: 'name',
              render: (_, p) => (
                <Flex vertical>
                  <Typography.Link onClick={() => setOpenId(p.id)}>{p.name}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.code}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('product.line'), key: 'line', width: 120, render: (_, p) => p.productLine.name },
            { title: t('product.kind'), key: 'kind', width: 70, render: (_, p) => t(`product.kindValue.${p.kind}`) },
            {
              title: t('product.deviceClass'),
              key: 'class',
              width: 70,
              render: (_, p) => <Tag>{t('product.classValue', { value: p.deviceClass })}</Tag>,
            },
            { title: t('product.registrationNo'), key: 'reg', width: 170, render: (_, p) => p.registrationNo },
            {
              title: t('product.validTo'),
              key: 'valid',
              width: 150,
              render: (_, p) => <RegistrationValidity to={p.registrationValidTo} />,
            },
            {
              title: t('product.listPrice'),
              key: 'price',
              width: 120,
              align: 'right',
              render: (_, p) => format.money(p.listPrice),
            },
            {
              title: t('product.pricesOnDay', { day: format.date(on) }),
              key: 'tiers',
              width: 170,
              align: 'right',
              render: (_, p) => <TierPricesOn prices={p.pricesOn} />,
            },
            {
              title: t('product.certification'),
              key: 'certification',
              width: 100,
              render: (_, p) => <CertificationSwitch product={p} />,
            },
          ]}
        />
      </Card>
      <ProductDrawer product={open} onClose={() => setOpenId(null)} />
      <ProductFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id, code) => {
          // the new product, found by its code, opened
          setFilter('q', code);
          setOpenId(id);
        }}
      />
    </>
  );
}

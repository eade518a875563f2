import { useState } from 'react';
import { Button, Descriptions, Drawer, Flex, Space } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { ProductPricesDocument } from '../../gql/graphql';
import { type ProductRow } from './useProductList';
import { RegistrationValidity } from './RegistrationValidity';
import { CertificationSwitch } from './CertificationSwitch';
import { PriceHistory, RegistrationHistory } from './ProductHistory';
import { ProductFormModal } from './ProductFormModal';
import { RenewRegistrationModal } from './RenewRegistrationModal';
import { SetPriceModal } from './SetPriceModal';
import { FloorPriceButton } from './FloorPriceButton';

type Action = 'edit' | 'renew' | 'price' | null;

/** One product: its facts, its registration certificates and tier prices over time, and what may be done to them. */
export function ProductDrawer({ product, onClose }: { product: ProductRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [action, setAction] = useState<Action>(null);
  const { data, loading, error, refetch } = useQuery(ProductPricesDocument, {
    variables: { id: product?.id ?? '' },
    skip: !product,
  });
  const detail = data?.product.id === product?.id ? data?.product : undefined;
  const mayEdit = can(user.role, 'product.edit');

  return (
    <Drawer
      open={!!product}
      onClose={onClose}
      title={product?.name}
      size={640}
      destroyOnHidden
      data-testid="product-drawer"
      extra={
        <Space>
          {mayEdit && <Button onClick={() => setAction('edit')}>{t('product.edit')}</Button>}
          {mayEdit && <Button onClick={() => setAction('renew')}>{t('product.renew')}</Button>}
          <FloorPriceButton product={product} />
          {can(user.role, 'product.setPrice') && (
            <Button type="primary" onClick={() => setAction('price')}>
              {t('product.changePrice')}
            </Button>
          )}
        </Space>
      }
    >
      {product && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered data-testid="product-facts">
            <Descriptions.Item label={t('product.code')}>{product.code}</Descriptions.Item>
            <Descriptions.Item label={t('product.line')}>{product.productLine.name}</Descriptions.Item>
            <Descriptions.Item label={t('product.kind')}>{t(`product.kindValue.${product.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('product.deviceClass')}>
              {t('product.classValue', { value: product.deviceClass })}
            </Descriptions.Item>
            <Descriptions.Item label={t('product.registrationNo')}>{product.registrationNo}</Descriptions.Item>
            <Descriptions.Item label={t('product.validity')}>
              <Space size={4} wrap>
                <span>{format.date(product.registrationValidFrom)} –</span>
                <RegistrationValidity to={product.registrationValidTo} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('product.udiDi')}>{product.udiDi || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('product.listPrice')}>{format.money(product.listPrice)}</Descriptions.Item>
            <Descriptions.Item label={t('product.certification')}>
              <CertificationSwitch product={product} />
            </Descriptions.Item>
          </Descriptions>
          {error && !detail ? (
            <ErrorState error={error} onRetry={() => void refetch()} />
          ) : loading && !detail ? (
            <LoadingState />
          ) : (
            <>
              <RegistrationHistory rows={detail?.registrations ?? []} currentNo={product.registrationNo} />
              <PriceHistory rows={detail?.priceList ?? []} />
            </>
          )}
        </Flex>
      )}
      <ProductFormModal open={action === 'edit'} product={product} onClose={() => setAction(null)} />
      <RenewRegistrationModal product={action === 'renew' ? product : null} onClose={() => setAction(null)} />
      <SetPriceModal product={action === 'price' ? product : null} onClose={() => setAction(null)} />
    </Drawer>
  );
}

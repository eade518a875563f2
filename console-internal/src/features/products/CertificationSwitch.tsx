import { App, Switch, Tag } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { errorMessage, useCurrentUser } from '@medchannel/web-shared';
import { SetProductCertificationDocument } from '../../gql/graphql';
import { type ProductRow } from './useProductList';

/**
 * Whether ordering the product needs a valid certificate for its line: trainers and the admin
 * switch it (`product-certification`), everyone else reads it.
 */
export function CertificationSwitch({ product }: { product: Pick<ProductRow, 'id' | 'requiresCertification'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [set, { loading }] = useMutation(SetProductCertificationDocument);
  if (!can(user.role, 'training.edit')) {
    return product.requiresCertification ? (
      <Tag color="blue" data-testid="product-certification-required">
        {t('product.certificationRequired')}
      </Tag>
    ) : (
      <span>—</span>
    );
  }
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Switch
        size="small"
        checked={product.requiresCertification}
        loading={loading}
        checkedChildren={t('product.certificationOn')}
        unCheckedChildren={t('product.certificationOff')}
        onChange={(required) =>
          void set({ variables: { productId: product.id, required } }).then(
            () => void message.success(t(required ? 'product.certificationSet' : 'product.certificationCleared')),
            (error: unknown) => void message.error(errorMessage(t, error)),
          )
        }
        data-testid="product-certification"
      />
    </span>
  );
}

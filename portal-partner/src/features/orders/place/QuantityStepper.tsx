import { Button, InputNumber, Space } from 'antd';
import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY } from './cart';

/** − quantity +, sized for a thumb; 0 (− at 1) takes the product off. `qty-<code>` for tests. */
export function QuantityStepper({
  code,
  value,
  onChange,
}: {
  code: string;
  value: number;
  onChange: (quantity: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space.Compact className="po-stepper" data-testid={`qty-${code}`}>
      <Button
        icon={<MinusOutlined />}
        aria-label={t('cart.less')}
        onClick={() => onChange(value - 1)}
        data-testid={`qty-minus-${code}`}
      />
      <InputNumber
        value={value}
        min={1}
        max={MAX_QUANTITY}
        precision={0}
        controls={false}
        inputMode="numeric"
        aria-label={t('cart.quantity')}
        style={{ width: 64, textAlign: 'center' }}
        // Empty while typing is not "0": the product leaves the cart only through − or remove.
        onChange={(q) => typeof q === 'number' && q >= 1 && onChange(q)}
      />
      <Button
        icon={<PlusOutlined />}
        aria-label={t('cart.more')}
        onClick={() => onChange(value + 1)}
        disabled={value >= MAX_QUANTITY}
        data-testid={`qty-plus-${code}`}
      />
    </Space.Compact>
  );
}

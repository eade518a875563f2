import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { DistributorPicker } from '../../components/DistributorPicker';

/** The distributor a finance form (invoice, payment, statement) is for: required, picked by name or code. */
export function DistributorField({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="distributorId"
      label={t('finance.distributor')}
      rules={[{ required: true, message: t('finance.distributorRequired') }]}
    >
      <DistributorPicker placeholder={t('finance.pickDistributor')} testId={testId} style={{ width: '100%' }} />
    </Form.Item>
  );
}

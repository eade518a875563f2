import { useState } from 'react';
import { Alert, DatePicker, Form, Modal, type ButtonProps } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import { GenerateStatementDocument } from '../../../gql/graphql';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { currentPeriod } from '../dates';
import { useFinanceFailure, type FinanceFailure } from '../useFinanceFailure';

interface Values {
  distributorId?: string;
  month?: Dayjs;
}

interface Props {
  open: boolean;
  distributorId?: string;
  onClose: () => void;
}

/**
 * Issues a closed month's statement for a distributor (the job issues last month's by itself; this is
 * for a month it missed or a distributor added later). A month already stated opens as it stands.
 */
export function GenerateStatementModal({ open, distributorId, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [generate, { loading }] = useMutation(GenerateStatementDocument, { refetchQueries: ['Statements'] });
  const [failure, setFailure] = useState<FinanceFailure | null>(null);
  const explain = useFinanceFailure();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values?.distributorId || !values.month || loading) return;
    setFailure(null);
    try {
      const { data } = await generate({ variables: { distributorId: values.distributorId, period: values.month.format('YYYY-MM') } });
      onClose();
      if (data) void navigate(`/finance/statements/${data.generateStatement.id}`);
    } catch (error) {
      const f = explain(error);
      if (f.field === 'period') form.setFields([{ name: 'month', errors: [f.message] }]);
      else if (f.field === 'distributorId') form.setFields([{ name: 'distributorId', errors: [f.message] }]);
      else setFailure(f);
    }
  };

  return (
    <Modal
      open={open}
      title={t('statement.generateTitle')}
      okText={t('statement.generateSubmit')}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'statement-generate-submit' } as ButtonProps}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ distributorId }}>
        <Form.Item name="distributorId" label={t('finance.distributor')} rules={[{ required: true, message: t('finance.distributorRequired') }]}>
          <DistributorPicker placeholder={t('finance.pickDistributor')} testId="statement-generate-distributor" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="month" label={t('statement.period')} extra={t('statement.generateHelp')} rules={[{ required: true, message: t('statement.periodRequired') }]}>
          <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM') >= currentPeriod()} data-testid="statement-generate-month" />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure.message} description={failure.detail} data-testid="statement-generate-error" />}
    </Modal>
  );
}

import { DatePicker, Form } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import { GenerateStatementDocument } from '../../../gql/graphql';
import { DistributorField } from '../DistributorField';
import { chinaMonth, FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';

interface Values {
  distributorId?: string;
  month?: Dayjs;
}

/** The server's inputs, as this form names them */
const SERVER_FIELDS = { period: 'month', distributorId: 'distributorId' };
const FINANCE_ERRORS = { prefix: 'financeError' };

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
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    errors: FINANCE_ERRORS,
    fields: SERVER_FIELDS,
    send: async (values) => {
      if (!values.distributorId || !values.month) return;
      const { data } = await generate({
        variables: { distributorId: values.distributorId, period: values.month.format('YYYY-MM') },
      });
      onClose();
      if (data) void navigate(`/finance/statements/${data.generateStatement.id}`);
    },
  });

  return (
    <FormModal
      {...shell}
      title={t('statement.generateTitle')}
      submitText={t('statement.generateSubmit')}
      testId="statement-generate"
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ distributorId }}>
        <DistributorField testId="statement-generate-distributor" />
        <Form.Item
          name="month"
          label={t('statement.period')}
          extra={t('statement.generateHelp')}
          rules={[{ required: true, message: t('statement.periodRequired') }]}
        >
          <DatePicker
            picker="month"
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM') >= chinaMonth()}
            data-testid="statement-generate-month"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

import { App, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AccountCreditKind } from '@medchannel/shared-schema';
import { FormModal, chinaToday, useFormSubmit } from '@medchannel/web-shared/kernel';
import { PostAccountCreditDocument } from '../../../gql/graphql';
import { positiveAmountRules } from '../amountRules';
import { DistributorField } from '../DistributorField';

interface Values {
  distributorId: string;
  kind: AccountCreditKind;
  amount: string;
  occurredOn: Dayjs;
  reason: string;
}

const AMOUNT = /^\d+(\.\d{1,2})?$/;
const FIELDS = ['distributorId', 'kind', 'amount', 'occurredOn', 'reason'];

/**
 * 折让 / 返利: lowers what the distributor owes, with the reason the statement shows it by. The
 * request key of the opening makes a double click or a retried request post once.
 */
export function AccountCreditModal({
  open,
  distributorId,
  onClose,
}: {
  open: boolean;
  /** the account the list is filtered to, filled in */
  distributorId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [post, { loading }] = useMutation(PostAccountCreditDocument, {
    refetchQueries: ['AccountCredits', 'AgingByRegion', 'AgingByDistributor', 'CollectionPlan'],
  });
  const today = chinaToday();
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading,
    fields: (field) => (FIELDS.includes(field) ? field : undefined),
    send: async (v, key) => {
      await post({
        variables: {
          input: {
            distributorId: v.distributorId,
            kind: v.kind,
            amount: v.amount,
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            reason: v.reason.trim(),
            idempotencyKey: key,
          },
        },
      });
      onClose();
      void message.success(t('credit.posted', { kind: t(`ledgerKind.${v.kind}`) }));
    },
  });

  return (
    <FormModal {...shell} title={t('credit.title')} submitText={t('credit.submit')} testId="credit-form">
      <Form<Values>
        {...formProps}
        initialValues={{ distributorId, kind: AccountCreditKind.CREDIT_NOTE, occurredOn: dayjs(today) }}
      >
        <DistributorField testId="credit-distributor" />
        <Form.Item name="kind" label={t('credit.kind')}>
          <Radio.Group
            optionType="button"
            options={Object.values(AccountCreditKind).map((k) => ({ value: k, label: t(`ledgerKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('payment.amount')}
          extra={t('credit.amountHelp')}
          rules={positiveAmountRules(t, AMOUNT)}
        >
          <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('credit.occurredOn')}
          extra={t('credit.occurredOnHelp')}
          rules={[{ required: true, message: t('credit.occurredOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('credit.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('credit.reasonRequired') }]}
        >
          <Input.TextArea maxLength={500} rows={3} placeholder={t('credit.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

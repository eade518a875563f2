import { DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, chinaInstant, useFormSubmit } from '../kernel';
import { AMOUNT } from './amount';
import { CreateTenderDocument } from '../gql/opportunities/graphql';
import { addOpportunityStrings } from './strings';

addOpportunityStrings();

interface Values {
  number: string;
  purchaser: string;
  budget: string;
  registrationDeadline: Dayjs;
  bidOpeningAt: Dayjs;
}

const ERRORS = { prefix: 'tender.error', reload: ['Tenders'] };

/**
 * A tender on the opportunity: number, purchaser, budget, registration deadline and bid opening.
 * `opportunityQuery`: the app's query of the opportunity's page, read again once the tender is in.
 */
export function NewTenderModal({
  opportunityId,
  opportunityQuery,
  open,
  onClose,
}: {
  opportunityId: string;
  opportunityQuery: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [create, { loading }] = useMutation(CreateTenderDocument, {
    refetchQueries: ['Tenders', opportunityQuery],
  });
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading,
    errors: ERRORS,
    fields: ['number', 'purchaser', 'budget', 'registrationDeadline', 'bidOpeningAt'],
    send: async (v, requestKey) => {
      await create({
        variables: {
          input: {
            opportunityId,
            number: v.number.trim(),
            purchaser: v.purchaser.trim(),
            budget: v.budget,
            registrationDeadline: v.registrationDeadline.format('YYYY-MM-DD'),
            // what the picker shows is a time in China, wherever the browser's clock is set
            bidOpeningAt: chinaInstant(v.bidOpeningAt.format('YYYY-MM-DD'), v.bidOpeningAt.format('HH:mm')),
            idempotencyKey: requestKey,
          },
        },
      });
      onClose();
    },
  });
  const required = { required: true, whitespace: true, message: t('tender.required') };

  return (
    <FormModal {...shell} title={t('tender.new')} submitText={t('action.save')} testId="tender-form">
      <Form<Values> form={form} layout="vertical" preserve={false} onValuesChange={clearFailure}>
        <Form.Item name="number" label={t('tender.number')} rules={[required, { max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="purchaser" label={t('tender.purchaser')} rules={[required, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="budget"
          label={t('tender.budget')}
          rules={[
            { required: true, message: t('tender.required') },
            { pattern: AMOUNT, message: t('tender.amountInvalid') },
          ]}
        >
          <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="registrationDeadline"
          label={t('tender.registrationDeadline')}
          rules={[{ required: true, message: t('tender.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="bidOpeningAt"
          label={t('tender.bidOpeningAt')}
          rules={[{ required: true, message: t('tender.required') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

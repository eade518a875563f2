import { Form, Input, InputNumber, Radio } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { AMOUNT } from '@medchannel/web-shared/opportunities';
import { RecordTenderResultDocument, type TenderDetailFragment } from '../../../gql/graphql';

interface Values {
  won: boolean;
  winner: string;
  winningPrice?: string;
}

/** The tender's result: won (the opportunity is won with it) or lost, who won and at what price. */
export function ResultModal({ tender, onClose }: { tender: TenderDetailFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [record, { loading }] = useMutation(RecordTenderResultDocument, {
    refetchQueries: ['Tenders', 'ConsoleOpportunity'],
  });
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open: tender !== null,
    onClose,
    loading,
    errors: { prefix: 'tender.error', reload: ['Tenders'] },
    fields: ['won', 'winner', 'winningPrice'],
    send: async (v) => {
      await record({
        variables: {
          id: tender!.id,
          input: {
            expectedVersion: tender!.version,
            won: v.won,
            winner: v.winner.trim(),
            winningPrice: v.winningPrice || null,
          },
        },
      });
      onClose();
    },
  });

  return (
    <FormModal {...shell} title={t('tender.result')} submitText={t('action.save')} testId="result-form">
      <Form<Values> {...formProps} initialValues={{ won: true }}>
        <Form.Item name="won" label={t('tender.outcome')}>
          <Radio.Group
            options={[
              { value: true, label: t('tender.won') },
              { value: false, label: t('tender.lost') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="winner"
          label={t('tender.winner')}
          rules={[{ required: true, whitespace: true, max: 200, message: t('tender.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="winningPrice"
          label={t('tender.winningPrice')}
          rules={[{ pattern: AMOUNT, message: t('tender.amountInvalid') }]}
        >
          <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

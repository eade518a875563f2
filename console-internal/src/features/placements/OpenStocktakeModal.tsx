import { Form, Input, InputNumber } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, chinaToday, useFormSubmit } from '@medchannel/web-shared/kernel';
import { OpenStocktakeDocument } from '../../gql/graphql';

interface Values {
  year: number;
  dueOn: string;
}

const ERRORS = { prefix: 'placements.error', reload: ['StocktakeCampaigns'] };

/** Opens the stocktake of a year: every instrument placed now is to be confirmed by its distributor. */
export function OpenStocktakeModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [openStocktake, { loading }] = useMutation(OpenStocktakeDocument, { refetchQueries: ['StocktakeCampaigns'] });
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading,
    errors: ERRORS,
    fields: ['year', 'dueOn'],
    send: async (v, requestKey) => {
      const res = await openStocktake({ variables: { input: { ...v, idempotencyKey: requestKey } } });
      onClose(res.data?.openStocktake.id);
    },
  });
  return (
    <FormModal {...shell} title={t('placements.open')} submitText={t('placements.open')} testId="open-stocktake">
      <Form<Values> {...formProps} initialValues={{ year: Number(chinaToday().slice(0, 4)) }}>
        <Form.Item name="year" label={t('placements.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('placements.dueOn')} rules={[{ required: true }]}>
          <Input type="date" min={chinaToday()} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

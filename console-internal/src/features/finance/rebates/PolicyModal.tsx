import { App, Button, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { SetRebatePolicyDocument } from '../../../gql/graphql';

interface Band {
  threshold: string;
  rate: string;
}
interface Values {
  bands: Band[];
}

const THRESHOLD = /^\d{1,2}(\.\d{1,4})?$/;
const RATE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/** 返利政策: a product line's bands (attainment from which a rate applies), saved as the line's next version. */
export function PolicyModal({
  line,
  bands,
  onClose,
}: {
  /** the line edited; none: closed */
  line: { id: string; name: string } | null;
  bands: Band[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [save, { loading }] = useMutation(SetRebatePolicyDocument, {
    refetchQueries: ['RebatePolicies', 'QuarterRebates'],
  });
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open: line !== null,
    onClose,
    loading,
    fields: () => 'bands',
    send: async (v, key) => {
      await save({ variables: { input: { productLineId: line!.id, bands: v.bands, idempotencyKey: key } } });
      onClose();
      void message.success(t('rebate.policySaved'));
    },
  });
  return (
    <FormModal
      {...shell}
      title={t('rebate.policyTitle', { line: line?.name ?? '' })}
      submitText={t('rebate.save')}
      testId="rebate-policy-form"
    >
      <Form<Values> {...formProps} initialValues={{ bands: bands.length ? bands : [{ threshold: '', rate: '' }] }}>
        <Form.List name="bands">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item
                    name={[f.name, 'threshold']}
                    label={t('rebate.threshold')}
                    rules={[{ required: true, pattern: THRESHOLD, message: t('rebate.thresholdInvalid') }]}
                  >
                    <Input placeholder="0.8" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'rate']}
                    label={t('rebate.rate')}
                    rules={[{ required: true, pattern: RATE, message: t('rebate.rateInvalid') }]}
                  >
                    <Input placeholder="0.01" />
                  </Form.Item>
                  <Button
                    aria-label={t('rebate.removeBand')}
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    style={{ marginTop: 30 }}
                    disabled={fields.length === 1}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ threshold: '', rate: '' })}>
                {t('rebate.addBand')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

import { Alert, Checkbox, Form, Input } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import type { TenderDetailFragment } from '@medchannel/web-shared/opportunities';
import { IssueTenderLetterDocument } from '../../../gql/graphql';

interface Values {
  project: string;
  productIds: string[];
}

/** 签发授权书: the tender's distributor may bid it with the chosen products, to the bid opening at the latest. */
export function IssueLetterModal({ tender, onClose }: { tender: TenderDetailFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [issue, { loading }] = useMutation(IssueTenderLetterDocument, { refetchQueries: ['Tenders'] });
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open: tender !== null,
    onClose,
    loading,
    errors: { prefix: 'tender.letter.error', reload: ['Tenders'] },
    fields: ['project', 'productIds'],
    send: async (v, requestKey) => {
      await issue({
        variables: {
          input: {
            tenderId: tender!.id,
            project: v.project.trim(),
            productIds: v.productIds,
            idempotencyKey: requestKey,
          },
        },
      });
      onClose();
    },
  });

  return (
    <FormModal {...shell} title={t('tender.letter.issue')} submitText={t('tender.letter.issue')} testId="letter-form">
      <Alert type="info" showIcon title={t('tender.letter.hint')} style={{ marginBottom: 12 }} />
      <Form<Values> form={form} layout="vertical" preserve={false} onValuesChange={clearFailure}>
        <Form.Item
          name="project"
          label={t('tender.letter.project')}
          rules={[{ required: true, whitespace: true, max: 200, message: t('tender.letter.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="productIds"
          label={t('tender.product')}
          rules={[{ required: true, type: 'array', min: 1, message: t('tender.letter.productsRequired') }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={(tender?.products ?? []).map((p) => ({ value: p.productId, label: p.product?.name ?? '—' }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

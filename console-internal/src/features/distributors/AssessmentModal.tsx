import { useState } from 'react';
import { Alert, Form, Input, Modal, Rate, type ButtonProps } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { formError } from '@medchannel/web-shared';
import { DistributorDocument, RecordScreeningAssessmentDocument } from '../../gql/graphql';

interface Values {
  productsCarried?: string;
  competingProducts?: string;
  brandStrength?: string;
  peerReviews?: string;
  fitScore: number;
  willingnessScore: number;
  capabilityScore: number;
}

const TEXTS = ['productsCarried', 'competingProducts', 'brandStrength', 'peerReviews'] as const;
const SCORES = ['fitScore', 'willingnessScore', 'capabilityScore'] as const;

/** A screening visit's findings: what it carries, against whom, how it is seen, and three 1–5 scores. */
export function AssessmentModal({ distributorId, open, onClose }: { distributorId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [record, { loading }] = useMutation(RecordScreeningAssessmentDocument, {
    refetchQueries: [{ query: DistributorDocument, variables: { id: distributorId } }],
    awaitRefetchQueries: true,
  });
  const [failure, setFailure] = useState<{ message: string; detail?: string } | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    const text = (v?: string) => v?.trim() || undefined;
    try {
      await record({
        variables: {
          input: {
            distributorId,
            productsCarried: text(values.productsCarried),
            competingProducts: text(values.competingProducts),
            brandStrength: text(values.brandStrength),
            peerReviews: text(values.peerReviews),
            fitScore: values.fitScore,
            willingnessScore: values.willingnessScore,
            capabilityScore: values.capabilityScore,
          },
        },
      });
      form.resetFields();
      onClose();
    } catch (error) {
      const f = formError(t, error);
      if (f.field && [...TEXTS, ...SCORES].includes(f.field as (typeof TEXTS)[number])) form.setFields([{ name: f.field as keyof Values, errors: [f.message] }]);
      else setFailure(f);
    }
  };

  return (
    <Modal
      open={open}
      title={t('assessment.title')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'assessment-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" preserve={false}>
        {TEXTS.map((name) => (
          <Form.Item key={name} name={name} label={t(`assessment.${name}`)}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={t(`assessment.${name}Placeholder`)} data-testid={`assessment-${name}`} />
          </Form.Item>
        ))}
        {SCORES.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`assessment.${name}`)}
            tooltip={t(`assessment.${name}Help`)}
            rules={[{ required: true, message: t('assessment.scoreRequired') }]}
          >
            <Rate count={5} data-testid={`assessment-${name}`} />
          </Form.Item>
        ))}
      </Form>
      {failure && <Alert type="error" showIcon title={failure.message} description={failure.detail} data-testid="assessment-error" />}
    </Modal>
  );
}

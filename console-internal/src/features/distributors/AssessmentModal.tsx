import { Form, Input, Rate } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
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
export function AssessmentModal({
  distributorId,
  open,
  onClose,
}: {
  distributorId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [record, { loading }] = useMutation(RecordScreeningAssessmentDocument, {
    refetchQueries: [{ query: DistributorDocument, variables: { id: distributorId } }],
    awaitRefetchQueries: true,
  });
  const text = (v?: string) => v?.trim() || undefined;
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    fields: [...TEXTS, ...SCORES],
    send: async (values) => {
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
    },
  });

  return (
    <FormModal {...shell} title={t('assessment.title')} submitText={t('action.save')} testId="assessment" width={640}>
      <Form form={form} layout="vertical" preserve={false}>
        {TEXTS.map((name) => (
          <Form.Item key={name} name={name} label={t(`assessment.${name}`)}>
            <Input.TextArea
              rows={2}
              maxLength={1000}
              placeholder={t(`assessment.${name}Placeholder`)}
              data-testid={`assessment-${name}`}
            />
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
    </FormModal>
  );
}

import './strings';
import { Button, Card, Form, Input, Select } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '@medchannel/web-shared/components';
import { FailureAlert, useFormSubmit } from '@medchannel/web-shared/kernel';
import { AMOUNT } from '@medchannel/web-shared/opportunities';
import { HospitalDepartmentFields } from '../../components/hospitals/HospitalDepartmentFields';
import { CaptureOpportunityDocument, OpportunityProductLinesDocument } from '../../gql/graphql';

interface Values {
  hospitalId: string;
  departmentId: string;
  productLineId: string;
  need: string;
  estimatedValue: string;
  expectedMonth?: string;
  competitor?: string;
}

/** 新建机会点, in a hospital corridor: hospital (searched), department, product line, need and value; the rest optional. */
export default function NewOpportunityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const lines = useQuery(OpportunityProductLinesDocument);
  const [capture, { loading }] = useMutation(CaptureOpportunityDocument);
  const { clearFailure, shell } = useFormSubmit({
    form,
    open: true,
    onClose: () => void navigate('/opportunities'),
    loading,
    fields: ['hospitalId', 'departmentId', 'productLineId', 'need', 'estimatedValue', 'expectedMonth', 'competitor'],
    // one request key per opened form: a double tap or a retry on a weak network records it once
    send: async (v, requestKey) => {
      const res = await capture({
        variables: {
          input: {
            ...v,
            expectedMonth: v.expectedMonth || null,
            competitor: v.competitor?.trim() || null,
            idempotencyKey: requestKey,
          },
        },
      });
      const id = res.data?.createOpportunity.id;
      if (id) void navigate(`/opportunities/${id}`, { replace: true });
    },
  });

  return (
    <>
      <PageHeader title={t('opportunity.newTitle')} />
      <Card size="small">
        <FailureAlert failure={shell.failure} testId="opportunity-error" style={{ marginBottom: 12 }} />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={shell.submit}
          onValuesChange={clearFailure}
          disabled={loading}
        >
          <HospitalDepartmentFields
            form={form}
            labels={{ hospital: t('opportunity.hospital'), department: t('opportunity.department') }}
            testId="opportunity"
          />
          <Form.Item name="productLineId" label={t('opportunity.productLine')} rules={[{ required: true }]}>
            <Select
              options={(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
              loading={lines.loading}
              size="large"
              data-testid="opportunity-line"
            />
          </Form.Item>
          <Form.Item name="need" label={t('opportunity.need')} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={3} placeholder={t('opportunity.needPlaceholder')} data-testid="opportunity-need" />
          </Form.Item>
          <Form.Item
            name="estimatedValue"
            label={t('opportunity.value')}
            rules={[{ required: true, pattern: AMOUNT, message: t('opportunity.valueInvalid') }]}
          >
            <Input inputMode="decimal" size="large" data-testid="opportunity-value" />
          </Form.Item>
          <Form.Item name="expectedMonth" label={t('opportunity.expectedMonth')}>
            <Input type="month" size="large" data-testid="opportunity-month" />
          </Form.Item>
          <Form.Item name="competitor" label={t('opportunity.competitor')} rules={[{ max: 200 }]}>
            <Input size="large" data-testid="opportunity-competitor" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={loading} data-testid="opportunity-save">
            {t('opportunity.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

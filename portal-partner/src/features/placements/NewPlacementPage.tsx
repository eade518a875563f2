import './strings';
import { Button, Card, Form, Input, InputNumber, Segmented, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { FailureAlert, chinaToday, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  PlaceInstrumentDocument,
  PlacementReagentLinesDocument,
  StocktakeProductOptionsDocument,
  type CommitmentPeriod,
} from '../../gql/graphql';
import { PLACEMENT_ERRORS } from './placementErrors';
import { HospitalDepartmentFields } from '../../components/hospitals/HospitalDepartmentFields';
import { ScanSerial } from './ScanSerial';

interface Values {
  serialNo: string;
  productId: string;
  hospitalId: string;
  departmentId: string;
  reagentLineId: string;
  commitmentQuantity: number;
  commitmentPeriod: CommitmentPeriod;
  startsOn: string;
  endsOn: string;
}

const PERIODS: CommitmentPeriod[] = ['MONTH', 'YEAR'];

/** 投放仪器 at the hospital: scan the serial, pick the department, write down the reagent commitment. */
export default function NewPlacementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const lines = useQuery(PlacementReagentLinesDocument);
  const products = useQuery(StocktakeProductOptionsDocument);
  const [place, { loading }] = useMutation(PlaceInstrumentDocument, { refetchQueries: ['MyPlacements'] });
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open: true,
    onClose: () => void navigate('/placements'),
    loading,
    errors: PLACEMENT_ERRORS,
    fields: [
      'serialNo',
      'productId',
      'hospitalId',
      'departmentId',
      'reagentLineId',
      'commitmentQuantity',
      'startsOn',
      'endsOn',
    ],
    send: async (v, requestKey) => {
      await place({ variables: { input: { ...v, source: 'STOCK', idempotencyKey: requestKey } } });
      void navigate('/placements');
    },
  });
  const select = { size: 'large' as const, showSearch: true, optionFilterProp: 'label' };
  return (
    <>
      <PageHeader title={t('placement.newTitle')} />
      <Card size="small">
        <FailureAlert failure={shell.failure} testId="placement-error" style={{ marginBottom: 12 }} />
        <div style={{ marginBottom: 16 }}>
          <ScanSerial
            onScanned={(serialNo, productId) => form.setFieldsValue(productId ? { serialNo, productId } : { serialNo })}
          />
        </div>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={shell.submit}
          onValuesChange={clearFailure}
          initialValues={{ commitmentPeriod: 'MONTH', startsOn: chinaToday() }}
        >
          <Form.Item name="serialNo" label={t('placement.serial')} rules={[{ required: true, max: 64 }]}>
            <Input size="large" autoComplete="off" />
          </Form.Item>
          <Form.Item name="productId" label={t('placement.instrument')} rules={[{ required: true }]}>
            <Select
              {...select}
              loading={products.loading}
              notFoundContent={products.error ? errorMessage(t, products.error) : undefined}
              options={(products.data?.products.nodes ?? []).map((p) => ({
                value: p.id,
                label: `${p.name} · ${p.code}`,
              }))}
            />
          </Form.Item>
          <HospitalDepartmentFields
            form={form}
            labels={{ hospital: t('placement.hospital'), department: t('placement.department') }}
          />
          <Typography.Title level={5}>{t('placement.agreement')}</Typography.Title>
          <Form.Item name="reagentLineId" label={t('placement.reagentLine')} rules={[{ required: true }]}>
            <Select
              {...select}
              options={(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
            />
          </Form.Item>
          <Form.Item name="commitmentPeriod" label={t('placement.commitmentPeriod')}>
            <Segmented block options={PERIODS.map((p) => ({ value: p, label: t(`placement.periodOptions.${p}`) }))} />
          </Form.Item>
          <Form.Item name="commitmentQuantity" label={t('placement.commitmentQuantity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000000} precision={0} size="large" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('placement.startsOn')} rules={[{ required: true }]}>
            <Input type="date" size="large" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('placement.endsOn')} rules={[{ required: true }]}>
            <Input type="date" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={loading}>
            {t('placement.placeSubmit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

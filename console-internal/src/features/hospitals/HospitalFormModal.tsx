import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { HospitalGrade } from '@medchannel/shared-schema';
import { FormModal } from '@medchannel/web-shared/kernel';
import type { HospitalQuery } from '../../gql/graphql';
import { DepartmentRows } from './DepartmentRows';
import { useHospitalForm, type HospitalValues } from './useHospitalForm';

/** 新建医院 (with its first departments) or 编辑 its profile; the regions offered are those the viewer covers. */
export function HospitalFormModal(props: {
  open: boolean;
  onClose: () => void;
  /** the hospital edited; none to create one */
  hospital?: HospitalQuery['hospital'];
}) {
  const { t } = useTranslation();
  const { hospital } = props;
  const { shell, formProps, initialValues, regionOptions, regionsLoading } = useHospitalForm(props);

  return (
    <FormModal
      {...shell}
      width={640}
      title={hospital ? t('hospital.editTitle') : t('hospital.create')}
      submitText={t('action.save')}
      testId="hospital-form"
    >
      <Form<HospitalValues> {...formProps} initialValues={initialValues}>
        <Form.Item
          name="name"
          label={t('hospital.name')}
          rules={[{ required: true, whitespace: true, message: t('hospital.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="grade"
            label={t('hospital.grade')}
            style={{ width: '50%' }}
            rules={[{ required: true, message: t('hospital.gradeRequired') }]}
          >
            <Select options={Object.values(HospitalGrade).map((g) => ({ value: g, label: t(`grade.${g}`) }))} />
          </Form.Item>
          <Form.Item name="beds" label={t('hospital.beds')} style={{ width: '50%' }}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="regionId"
          label={t('hospital.region')}
          extra={t('hospital.regionHint')}
          rules={[{ required: true, message: t('hospital.regionRequired') }]}
        >
          <Select showSearch optionFilterProp="label" loading={regionsLoading} options={regionOptions} />
        </Form.Item>
        <Form.Item name="address" label={t('hospital.address')}>
          <Input maxLength={300} />
        </Form.Item>
        {!hospital && <DepartmentRows />}
      </Form>
    </FormModal>
  );
}

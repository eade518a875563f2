import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorReason, HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  CreateHospitalDocument,
  HospitalRegionsDocument,
  UpdateHospitalDocument,
  type HospitalQuery,
} from '../../gql/graphql';

interface Values {
  name: string;
  grade: HospitalGrade;
  beds?: number | null;
  regionId: string;
  address?: string;
  departments?: Array<{ name: string; yearlyVolume?: number | null; volumeKind?: VolumeKind }>;
}

const FIELDS = ['name', 'grade', 'beds', 'regionId', 'address'];
const ERRORS = { reload: ['Hospital'], stale: [ErrorReason.STALE_VERSION] };

/** 新建医院 (with its first departments) or 编辑 its profile; the regions offered are those the viewer covers. */
export function HospitalFormModal({
  open,
  onClose,
  hospital,
}: {
  open: boolean;
  onClose: () => void;
  /** the hospital edited; none to create one */
  hospital?: HospitalQuery['hospital'];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const regions = useQuery(HospitalRegionsDocument, { skip: !open });
  const [create, created] = useMutation(CreateHospitalDocument, { refetchQueries: ['Hospitals'] });
  const [update, updated] = useMutation(UpdateHospitalDocument);
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading: created.loading || updated.loading,
    errors: ERRORS,
    fields: (field) =>
      field.startsWith('departments.')
        ? field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
        : FIELDS.includes(field)
          ? field
          : undefined,
    send: async (v, key) => {
      const profile = {
        name: v.name.trim(),
        grade: v.grade,
        beds: v.beds ?? undefined,
        regionId: v.regionId,
        address: v.address?.trim() || undefined,
      };
      if (hospital) {
        await update({ variables: { id: hospital.id, input: { ...profile, expectedVersion: hospital.version } } });
        onClose();
        void message.success(t('hospital.saved'));
        return;
      }
      const departments = (v.departments ?? []).map((d) => ({
        name: d.name.trim(),
        yearlyVolume: d.yearlyVolume ?? undefined,
        volumeKind: d.volumeKind,
      }));
      const { data } = await create({ variables: { input: { ...profile, departments, idempotencyKey: key } } });
      onClose();
      void message.success(t('hospital.created', { name: data!.createHospital.name }));
      void navigate(`/hospitals/${data!.createHospital.id}`);
    },
  });

  return (
    <FormModal
      {...shell}
      width={640}
      title={hospital ? t('hospital.editTitle') : t('hospital.create')}
      submitText={t('action.save')}
      testId="hospital-form"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={clearFailure}
        initialValues={
          hospital
            ? { ...hospital, regionId: hospital.region.id, address: hospital.address ?? undefined }
            : { departments: [] }
        }
      >
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
          <Select
            showSearch
            optionFilterProp="label"
            loading={regions.loading}
            // the regions he covers, a city under its province's name (a head may cover a province and its cities)
            options={(regions.data?.hospitalRegions ?? []).map((r) => ({
              value: r.id,
              label: [r.parent?.name, r.name].filter(Boolean).join(' / '),
            }))}
          />
        </Form.Item>
        <Form.Item name="address" label={t('hospital.address')}>
          <Input maxLength={300} />
        </Form.Item>
        {!hospital && <DepartmentRows />}
      </Form>
    </FormModal>
  );
}

/** The first departments, each a name with its yearly volume of surgeries or tests. */
function DepartmentRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="departments">
      {(rows, { add, remove }) => (
        <Form.Item label={t('hospital.departments')} extra={t('hospital.departmentsHint')}>
          {rows.map((row) => (
            <Space key={row.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item
                name={[row.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('hospital.departmentRequired') }]}
              >
                <Input
                  placeholder={t('hospital.departmentName')}
                  aria-label={t('hospital.departmentName')}
                  maxLength={100}
                />
              </Form.Item>
              <Form.Item name={[row.name, 'yearlyVolume']}>
                <InputNumber
                  min={0}
                  precision={0}
                  placeholder={t('hospital.yearlyVolume')}
                  aria-label={t('hospital.yearlyVolume')}
                  style={{ width: 160 }}
                />
              </Form.Item>
              <Form.Item name={[row.name, 'volumeKind']}>
                <Select
                  allowClear
                  style={{ width: 140 }}
                  aria-label={t('hospital.volumeKind')}
                  placeholder={t('hospital.volumeKind')}
                  options={Object.values(VolumeKind).map((k) => ({ value: k, label: t(`volumeKind.${k}`) }))}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('hospital.remove')}
                onClick={() => remove(row.name)}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
            {t('hospital.addDepartment')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

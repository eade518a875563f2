import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { VolumeKind } from '@medchannel/shared-schema';

/** The first departments, each a name with its yearly volume of surgeries or tests. */
export function DepartmentRows() {
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

import './strings';
import { Alert, Checkbox, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeviceClass, QualificationType } from '@medchannel/shared-schema';
import { FormModal } from '@medchannel/web-shared/kernel';
import { useQualificationForm, type QualificationTarget } from './useQualificationForm';

export type { QualificationTarget } from './useQualificationForm';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 添加资质 / 续期: kind, number, business scope (device classes), validity, and the scan (useQualificationForm sends them). */
export function QualificationModal({ target, onClose }: { target: QualificationTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, shell, initial, renews, setFile } = useQualificationForm(target, onClose);

  return (
    <FormModal
      {...shell}
      onClose={() => {
        setFile(null);
        onClose();
      }}
      title={renews ? t('qualificationEdit.renewTitle', { number: renews.number }) : t('qualificationEdit.addTitle')}
      submitText={t('qualificationEdit.save')}
      testId="qualification"
    >
      {renews && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('qualificationEdit.renewHint')} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Form.Item
          name="type"
          label={t('qualification.type')}
          rules={[{ required: true, message: t('qualificationEdit.typeRequired') }]}
        >
          <Select
            disabled={Boolean(renews)}
            options={Object.values(QualificationType).map((q) => ({ value: q, label: t(`qualType.${q}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="number"
          label={t('qualification.number')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 80, message: t('qualificationEdit.numberRequired') },
          ]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="deviceClasses" label={t('qualificationEdit.scope')} extra={t('qualificationEdit.scopeHint')}>
          <Checkbox.Group
            options={Object.values(DeviceClass).map((c) => ({ value: c, label: t('qualificationEdit.class', { c }) }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="validFrom"
            label={t('qualificationEdit.validFrom')}
            style={{ flex: 1 }}
            rules={[{ required: true, pattern: DAY, message: t('qualificationEdit.dayRequired') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t('qualification.validTo')}
            style={{ flex: 1 }}
            extra={t('qualificationEdit.noEndHint')}
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, to?: string) => {
                  if (to && (!DAY.test(to) || to < getFieldValue('validFrom')))
                    throw new Error(t('qualificationEdit.endBeforeStart'));
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Form.Item label={t('qualification.file')} htmlFor="qualification-scan" extra={t('qualificationEdit.scanHint')}>
          <input
            id="qualification-scan"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

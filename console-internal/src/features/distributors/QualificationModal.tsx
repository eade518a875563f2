import './strings';
import { useState } from 'react';
import { Alert, App, Checkbox, Flex, Form, Input, Select } from 'antd';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DeviceClass, QualificationType } from '@medchannel/shared-schema';
import { addDays, chinaToday, FormModal, uploadFile, useFormSubmit } from '@medchannel/web-shared/kernel';
import { AddQualificationDocument, DistributorDocument, type DistributorDetailFragment } from '../../gql/graphql';

type Qualification = DistributorDetailFragment['qualifications'][number];
/** A new document, or a renewal: the later document of the same kind that replaces `renews`. */
export type QualificationTarget = { distributorId: string; renews?: Qualification };

interface Values {
  type: QualificationType;
  number: string;
  deviceClasses: DeviceClass[];
  validFrom: string;
  validTo?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 添加资质 / 续期: kind, number, business scope (device classes), validity, and the scan. The
 * document is written first; its scan then goes up through the file route, and a scan refused
 * there (size, kind) is said, the document kept to upload its scan again from its row.
 */
export function QualificationModal({ target, onClose }: { target: QualificationTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const { message } = App.useApp();
  const open = target !== null;
  const client = useApolloClient();
  const [add, { loading }] = useMutation(AddQualificationDocument);
  const renews = target?.renews;
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    fields: ['type', 'number', 'deviceClasses', 'validFrom', 'validTo'],
    send: async (values) => {
      if (!target) return;
      const { data } = await add({
        variables: { input: { ...values, validTo: values.validTo || null, distributorId: target.distributorId } },
      });
      if (file && data) {
        const sent = await uploadFile(
          `/files/qualifications/${encodeURIComponent(data.addQualification.id)}`,
          file,
          'console',
        );
        // the document is kept: its row offers the upload again
        if (!sent.ok)
          void message.warning(
            t('qualificationEdit.scanFailed', {
              reason: t(`errors.reason.${sent.reason}`, { defaultValue: t(`errors.code.${sent.code}`) }),
            }),
          );
      }
      // the page reads the document and its scan once both are in
      await client.refetchQueries({ include: [DistributorDocument] });
      setFile(null);
      onClose();
    },
  });

  const initial: Partial<Values> = renews
    ? {
        type: renews.type as QualificationType,
        number: renews.number,
        deviceClasses: renews.deviceClasses as DeviceClass[],
        validFrom: renews.validTo ? addDays(renews.validTo, 1) : chinaToday(),
      }
    : { type: QualificationType.OPERATING_LICENSE_III, deviceClasses: [], validFrom: chinaToday() };

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

import { useState } from 'react';
import { App, Form } from 'antd';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { QualificationType, type DeviceClass } from '@medchannel/shared-schema';
import { addDays, chinaToday, uploadFile, useFormSubmit } from '@medchannel/web-shared/kernel';
import { AddQualificationDocument, DistributorDocument, type DistributorDetailFragment } from '../../gql/graphql';

type Qualification = DistributorDetailFragment['qualifications'][number];
/** A new document, or a renewal: the later document of the same kind that replaces `renews`. */
export type QualificationTarget = { distributorId: string; renews?: Qualification };

export interface QualificationValues {
  type: QualificationType;
  number: string;
  deviceClasses: DeviceClass[];
  validFrom: string;
  validTo?: string;
}

/**
 * The document is written first; its scan then goes up through the file route, and a scan refused
 * there (size, kind) is said, the document kept to upload its scan again from its row.
 */
export function useQualificationForm(target: QualificationTarget | null, onClose: () => void) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QualificationValues>();
  const [file, setFile] = useState<File | null>(null);
  const { message } = App.useApp();
  const client = useApolloClient();
  const [add, { loading }] = useMutation(AddQualificationDocument);
  const renews = target?.renews;
  const { shell } = useFormSubmit({
    form,
    open: target !== null,
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

  const initial: Partial<QualificationValues> = renews
    ? {
        type: renews.type as QualificationType,
        number: renews.number,
        deviceClasses: renews.deviceClasses as DeviceClass[],
        validFrom: renews.validTo ? addDays(renews.validTo, 1) : chinaToday(),
      }
    : { type: QualificationType.OPERATING_LICENSE_III, deviceClasses: [], validFrom: chinaToday() };

  return { form, shell, initial, renews, setFile };
}

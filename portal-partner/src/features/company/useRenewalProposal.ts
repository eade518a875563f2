import { useState } from 'react';
import { Form } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { newRequestKey, showFieldError, uploadFile, useCodedError } from '@medchannel/web-shared/kernel';
import { ProposeQualificationRenewalDocument, type MyQualificationFragment } from '../../gql/graphql';

export interface RenewalValues {
  number: string;
  validFrom: string;
  validTo?: string;
}

/**
 * 提交续期: the proposal (new number and dates, the document's own scope), then its scan
 * (PUT /files/qualifications/<proposal id>). One request key per form, so a retry is one proposal.
 */
export function useRenewalProposal(q: MyQualificationFragment, onDone: () => void) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RenewalValues>();
  const [key] = useState(newRequestKey);
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [propose] = useMutation(ProposeQualificationRenewalDocument);
  const explain = useCodedError({ prefix: 'company.renewalError' });

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || busy) return;
    if (!file) return setFailure(t('company.renewalScanNeeded'));
    setBusy(true);
    setFailure(null);
    try {
      const { data } = await propose({
        variables: {
          input: {
            qualificationId: q.id,
            number: values.number.trim(),
            deviceClasses: q.deviceClasses,
            validFrom: values.validFrom,
            validTo: values.validTo || null,
            idempotencyKey: key,
          },
        },
      });
      const id = data!.proposeQualificationRenewal.id;
      const sent = await uploadFile(`/files/qualifications/${encodeURIComponent(id)}`, file, 'portal');
      if (!sent.ok) setFailure(t(`errors.reason.${sent.reason}`, { defaultValue: t(`errors.code.${sent.code}`) }));
      onDone();
    } catch (error) {
      const f = explain(error);
      if (!showFieldError(form, f, ['number', 'validFrom', 'validTo'])) setFailure(f.message);
    } finally {
      setBusy(false);
    }
  };

  return { form, file, setFile, failure, busy, submit };
}

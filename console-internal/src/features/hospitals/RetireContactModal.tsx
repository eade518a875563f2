import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, chinaToday } from '@medchannel/web-shared/kernel';
import { RetireHospitalContactDocument, type HospitalContactRowFragment } from '../../gql/graphql';
import { useHospitalPartForm } from './useHospitalPartForm';

interface Values {
  on: Dayjs;
  note?: string;
}

/** The contact left the hospital on a day (today or before): kept in the chain's history, offered no more. */
export function RetireContactModal({
  contact,
  onClose,
}: {
  contact: HospitalContactRowFragment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [retire, { loading }] = useMutation(RetireHospitalContactDocument);
  const today = chinaToday();
  const { shell, formProps } = useHospitalPartForm<Values>({
    open: contact !== null,
    onClose,
    loading,
    fields: ['on', 'note'],
    send: async (v) => {
      await retire({
        variables: {
          id: contact!.id,
          input: {
            on: v.on.format('YYYY-MM-DD'),
            note: v.note?.trim() || undefined,
            expectedVersion: contact!.version,
          },
        },
      });
    },
  });

  return (
    <FormModal
      {...shell}
      title={t('hospital.retireTitle', { name: contact?.name ?? '' })}
      submitText={t('action.save')}
      testId="retire-form"
    >
      <Form<Values> {...formProps} initialValues={{ on: dayjs(today) }}>
        <Form.Item
          name="on"
          label={t('hospital.retiredOn')}
          rules={[{ required: true, message: t('hospital.retiredOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item name="note" label={t('hospital.retireNote')}>
          <Input maxLength={500} placeholder={t('hospital.retireNotePlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

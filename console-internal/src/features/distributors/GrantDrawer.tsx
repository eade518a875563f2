import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ErrorState } from '@medchannel/web-shared/states';
import { FormDrawer } from '@medchannel/web-shared/kernel';
import { useGrantForm, type GrantValues } from './useGrantForm';
import { GrantFormFields } from './GrantFormFields';

/** Grant form: what (product lines and/or products), where (regions and/or hospitals), when, how. */
export function GrantDrawer({
  distributorId,
  open,
  onClose,
}: {
  distributorId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { form, options, clearFailure, shell } = useGrantForm(distributorId, open, onClose);
  const o = options.data ?? options.previousData;

  // One form for the whole opening, on screen from the drawer's first moment: the fields fill in as
  // the options load. A form mounted only once options were there was mounted anew by any change in
  // them, and preserve={false} then cleared whatever had been chosen.
  return (
    <FormDrawer {...shell} title={t('grant.title')} submitText={t('grant.submit')} testId="grant" size={520}>
      {options.error && !o && <ErrorState error={options.error} onRetry={() => void options.refetch()} />}
      <Form<GrantValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'TEMPORARY', exclusive: false, period: [dayjs(), dayjs().add(89, 'day')] }}
        onValuesChange={clearFailure}
      >
        <GrantFormFields form={form} o={o} loading={!o && options.loading} />
      </Form>
    </FormDrawer>
  );
}

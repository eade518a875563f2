import { useState } from 'react';
import { App, Button, InputNumber, Space, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MAX_PROTECTION_DAYS, MIN_PROTECTION_DAYS } from '@medchannel/shared-schema';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { SetRegistrationProtectionDaysDocument } from '../../gql/graphql';

/** The admin's setting: how many days an approved registration protects (from the day it is approved). */
export function ProtectionDays({ days }: { days: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const explain = useCodedError();
  const [value, setValue] = useState<number | null>(days);
  const [save, { loading }] = useMutation(SetRegistrationProtectionDaysDocument, {
    refetchQueries: ['ConsoleOpportunities'],
    onCompleted: () => void message.success(t('opportunity.protectionSaved')),
    onError: (error) => void message.error(explain(error).message),
  });
  return (
    <Space>
      <Typography.Text>{t('opportunity.protectionDays')}</Typography.Text>
      <InputNumber
        min={MIN_PROTECTION_DAYS}
        max={MAX_PROTECTION_DAYS}
        precision={0}
        value={value}
        onChange={setValue}
        style={{ width: 90 }}
        aria-label={t('opportunity.protectionDays')}
        data-testid="protection-days"
      />
      <Button
        loading={loading}
        disabled={!value || value === days}
        onClick={() => value && void save({ variables: { days: value } })}
      >
        {t('action.save')}
      </Button>
    </Space>
  );
}

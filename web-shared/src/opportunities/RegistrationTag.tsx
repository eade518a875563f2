import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '@medchannel/shared-schema';
import { useFormat } from '../app/format';
import { addOpportunityStrings } from './strings';

addOpportunityStrings();

const COLOR: Record<`${RegistrationStatus}`, string> = {
  PENDING: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  EXPIRED: 'default',
};

/** Where the opportunity's latest registration stands, and until when it protects. */
export function RegistrationTag({
  registration,
}: {
  registration: { status: `${RegistrationStatus}`; protectedUntil?: string | null } | null | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!registration) return <Tag data-testid="registration-status">{t('opportunity.registrationStatus.NONE')}</Tag>;
  const until =
    registration.status === 'APPROVED' && registration.protectedUntil
      ? ` · ${t('opportunity.protectedUntil', { date: format.date(registration.protectedUntil) })}`
      : '';
  return (
    <Tag color={COLOR[registration.status]} data-testid="registration-status" data-status={registration.status}>
      {t(`opportunity.registrationStatus.${registration.status}`)}
      {until}
    </Tag>
  );
}

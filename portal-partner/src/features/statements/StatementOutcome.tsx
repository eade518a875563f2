import { useEffect, useRef } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatementStatus } from '@medchannel/shared-schema';
import type { PartnerStatementFragment } from '../../gql/graphql';
import { useAccountFormat } from './format';

/** Brought into view: the owner may have scrolled to the bottom bar when the answer comes back. */
export function FailureAlert({ message, onClose }: { message: string; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [message]);
  return (
    <div ref={ref}>
      <Alert type="error" showIcon title={message} closable={{ onClose }} data-testid="statement-error" />
    </div>
  );
}

/** Where the statement stands when it no longer waits for the owner. */
export function Outcome({ statement }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const latest = statement.versions[statement.versions.length - 1];
  switch (statement.status) {
    case StatementStatus.CONFIRMED:
      return (
        <Alert
          type="success"
          showIcon
          title={t('statement.confirmedAt', { date: format.dateTime(statement.confirmedAt) })}
          data-testid="statement-outcome"
        />
      );
    case StatementStatus.DISPUTED:
      return (
        <Alert
          type="warning"
          showIcon
          title={t('statement.disputed')}
          description={t('statement.disputedText')}
          data-testid="statement-outcome"
        />
      );
    case StatementStatus.SUPERSEDED:
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="statement-outcome"
          title={t('statement.superseded', { version: latest.version })}
          action={
            <Link to={`/statements/${latest.id}`} data-testid="statement-latest">
              {t('statement.openLatest')}
            </Link>
          }
        />
      );
    default:
      return null;
  }
}

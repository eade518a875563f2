import { useState } from 'react';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { StatementStatus } from '@medchannel/shared-schema';
import { useCan } from '@medchannel/web-shared';
import { ConfirmStatementDocument, type PartnerStatementFragment } from '../../gql/graphql';
import { useAccountFormat } from './format';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { STATEMENT_ERRORS } from './statementErrors';

interface Props {
  statement: PartnerStatementFragment;
  /** the owner starts ticking lines */
  onDispute: () => void;
  /** a refused confirm, in the owner's words (null: cleared) */
  onFailure: (message: string | null) => void;
}

/**
 * The owner's answer to an issued statement: confirm it (after a dialog that says what that
 * means), or start disputing lines. Reps who may read the account see why they cannot answer.
 */
export function StatementActions({ statement, onDispute, onFailure }: Props) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const answers = useCan('statement.answer');
  const explain = useCodedError(STATEMENT_ERRORS);
  const [open, setOpen] = useState(false);
  const [confirm, confirming] = useMutation(ConfirmStatementDocument);

  if (statement.status !== StatementStatus.ISSUED) return null;
  if (!answers) {
    return <Alert type="info" showIcon title={t('statement.ownerAnswers')} data-testid="statement-owner-answers" />;
  }
  const closing = format.money(statement.closingBalance.amount, statement.closingBalance.currency);

  return (
    <Flex vertical gap={8}>
      <Alert type="warning" showIcon title={t('statement.waiting')} description={t('statement.waitingText')} />
      <Flex gap={8} className="pa-actions">
        <Button
          type="primary"
          size="large"
          icon={<CheckCircleOutlined />}
          onClick={() => setOpen(true)}
          data-testid="statement-confirm"
        >
          {t('statement.confirm')}
        </Button>
        <Button size="large" icon={<ExclamationCircleOutlined />} onClick={onDispute} data-testid="statement-dispute">
          {t('statement.dispute')}
        </Button>
      </Flex>
      <Modal
        open={open}
        title={t('statement.confirmTitle', { month: format.period(statement.period) })}
        okText={t('statement.confirm')}
        okButtonProps={{ loading: confirming.loading, 'data-testid': 'statement-confirm-ok' }}
        cancelText={t('action.cancel')}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          onFailure(null);
          try {
            await confirm({ variables: { id: statement.id } });
          } catch (error) {
            onFailure(explain(error).message);
          }
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('statement.confirmText', { amount: closing })}</Typography.Paragraph>
      </Modal>
    </Flex>
  );
}

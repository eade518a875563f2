import './strings';
import { useEffect, useState } from 'react';
import { Alert, Flex } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { StatementStatus } from '@medchannel/shared-schema';
import { StatementChangesCard, StatementStatusTag } from '@medchannel/web-shared/finance';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { StatementDocument, type PartnerStatementFragment } from '../../gql/graphql';
import { DisputesCard } from './DisputesCard';
import { DownloadButtons } from './DownloadButtons';
import { StatementActions } from './StatementActions';
import { StatementLines } from './StatementLines';
import { useAccountFormat } from './format';
import { FailureAlert, Outcome } from './StatementOutcome';
import { DisputeBar, Summary, Versions } from './StatementSections';
import { useDisputeDraft } from './useDisputeDraft';
import './statements.css';

/** One month's statement: balances, lines with the running balance, the owner's answer, disputes, versions, downloads. */
export default function StatementPage() {
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('statement', id);
  const { data, error, refetch } = useQuery(StatementDocument, { variables: { id } });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState />;
  // Keyed by id: another version opened from the history starts with a fresh draft.
  return <Statement key={data.statement.id} statement={data.statement} />;
}

function Statement({ statement }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  // One place for a failed confirm or dispute: it stays when the statement has moved on meanwhile.
  const [failure, setFailure] = useState<string | null>(null);
  const draft = useDisputeDraft(statement, setFailure);
  const [disputing, setDisputing] = useState(false);
  const active = disputing && statement.status === StatementStatus.ISSUED;
  // Another version, opened from the history at the bottom of this one, starts at its top.
  // (A block body: newer browsers' scroll methods return a promise, which React would take for a cleanup.)
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);

  return (
    <Flex vertical gap={12} className="pa-page">
      <PageHeader
        title={
          <span data-testid="statement-title">
            {t('account.statementOf', { month: format.period(statement.period) })}
          </span>
        }
        subtitle={t('statement.versionOf', { version: statement.version, name: statement.distributor?.name ?? '' })}
        extra={
          <span data-testid="statement-status" data-status={statement.status} data-version={statement.version}>
            <StatementStatusTag status={statement.status} />
          </span>
        }
      />
      <Outcome statement={statement} />
      <Summary statement={statement} />
      <StatementChangesCard changes={statement.changes} />
      {failure && <FailureAlert message={failure} onClose={() => setFailure(null)} />}
      {!active && (
        <StatementActions statement={statement} onDispute={() => setDisputing(true)} onFailure={setFailure} />
      )}
      {active && <Alert type="info" showIcon title={t('dispute.howTo')} data-testid="dispute-help" />}
      <StatementLines statement={statement} draft={active ? draft : null} />
      <DisputesCard statement={statement} />
      <Versions statement={statement} />
      <DownloadButtons statement={statement} />
      {active && (
        <DisputeBar
          draft={draft}
          onClose={() => {
            setFailure(null);
            setDisputing(false);
          }}
        />
      )}
    </Flex>
  );
}

import './strings';
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { StatementStatus } from '@medchannel/shared-schema';
import { StatementChangesCard, StatementStatusTag } from '@medchannel/web-shared/finance';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { BottomBar } from '../../components/BottomBar';
import { StatementDocument, type PartnerStatementFragment } from '../../gql/graphql';
import { DisputesCard } from './DisputesCard';
import { DownloadButtons } from './DownloadButtons';
import { StatementActions } from './StatementActions';
import { StatementLines } from './StatementLines';
import { useAccountFormat } from './format';
import { useDisputeDraft, type DisputeDraft } from './useDisputeDraft';
import './statements.css';

/** One month's statement: balances, lines with the running balance, the owner's answer, disputes, versions, downloads. */
export default function StatementPage() {
  const { id = '' } = useParams();
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
        title={<span data-testid="statement-title">{t('account.statementOf', { month: format.period(statement.period) })}</span>}
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
      {!active && <StatementActions statement={statement} onDispute={() => setDisputing(true)} onFailure={setFailure} />}
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

/** Brought into view: the owner may have scrolled to the bottom bar when the answer comes back. */
function FailureAlert({ message, onClose }: { message: string; onClose: () => void }) {
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
function Outcome({ statement }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const latest = statement.versions[statement.versions.length - 1];
  switch (statement.status) {
    case StatementStatus.CONFIRMED:
      return <Alert type="success" showIcon title={t('statement.confirmedAt', { date: format.dateTime(statement.confirmedAt) })} data-testid="statement-outcome" />;
    case StatementStatus.DISPUTED:
      return <Alert type="warning" showIcon title={t('statement.disputed')} description={t('statement.disputedText')} data-testid="statement-outcome" />;
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

function Summary({ statement: s }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const money = (m: { amount: string; currency: string }) => format.money(m.amount, m.currency);
  return (
    <Card size="small">
      <Descriptions
        column={{ xs: 2, md: 4 }}
        size="small"
        layout="vertical"
        colon={false}
        items={[
          { key: 'opening', label: t('statement.openingBalance'), children: <span className="pp-amount">{money(s.openingBalance)}</span> },
          { key: 'debits', label: t('statement.debits'), children: <span className="pp-amount">{money(s.debits)}</span> },
          { key: 'credits', label: t('statement.credits'), children: <span className="pp-amount">{money(s.credits)}</span> },
          {
            key: 'closing',
            label: t('statement.closingBalance'),
            children: (
              <span className="pp-amount" data-testid="statement-closing-balance">
                {money(s.closingBalance)}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Every version of the month, oldest first; the one shown is marked, the others are links. */
function Versions({ statement }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  if (statement.versions.length < 2) return null;
  return (
    <Card size="small" title={t('statement.versions')} data-testid="statement-versions">
      <div className="pp-list">
        {statement.versions.map((v) => {
          const head = (
            <div className="pp-row-head">
              <span>{t('statement.version', { version: v.version })}</span>
              <span>
                {v.id === statement.id && <span className="pp-muted" style={{ marginInlineEnd: 8 }}>{t('statement.shown')}</span>}
                <StatementStatusTag status={v.status} />
              </span>
            </div>
          );
          return v.id === statement.id ? (
            <div key={v.id} className="pp-item" data-testid="statement-version" data-version={v.version}>
              {head}
            </div>
          ) : (
            <Link key={v.id} to={`/statements/${v.id}`} className="pp-item pp-row" data-testid="statement-version" data-version={v.version}>
              {head}
            </Link>
          );
        })}
      </div>
    </Card>
  );
}

/** Under the thumb while disputing: how many lines are ticked, cancel, submit. */
function DisputeBar({ draft, onClose }: { draft: DisputeDraft; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <BottomBar
      testId="dispute-bar"
      summary={<span data-testid="dispute-count">{t('dispute.count', { count: draft.picked.length })}</span>}
      action={
        <Flex gap={8}>
          <Button
            onClick={() => {
              draft.reset();
              onClose();
            }}
            data-testid="dispute-cancel"
          >
            {t('action.cancel')}
          </Button>
          <Button
            type="primary"
            danger
            loading={draft.sending}
            onClick={() => void draft.submit().then((sent) => sent && onClose())}
            data-testid="dispute-submit"
          >
            {t('dispute.submit')}
          </Button>
        </Flex>
      }
    />
  );
}

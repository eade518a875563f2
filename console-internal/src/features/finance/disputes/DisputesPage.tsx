import { useState } from 'react';
import { App, Button, Card, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { chinaToday, daysBetween } from '@medchannel/web-shared/kernel';
import { OpenDisputesDocument, type OpenDisputesQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { ResolveDisputeModal } from './ResolveDisputeModal';
import { DisputeEvidence } from '@medchannel/web-shared/finance';

type Row = OpenDisputesQuery['statementDisputes']['nodes'][number];

const PAGE_SIZE = 20;

/** 争议: lines owners disputed, oldest first; finance answers each, the regional head follows them. */
export default function DisputesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const answers = useCan('finance.keepAccounts');
  const [answering, setAnswering] = useState<Row | null>(null);
  const pages = useKeysetPages('');
  const { data, previousData, loading, error, refetch } = useQuery(OpenDisputesDocument, {
    variables: { first: PAGE_SIZE, after: pages.after },
  });
  const page = (data ?? previousData)?.statementDisputes;
  const today = chinaToday();

  return (
    <Card>
      <PagedTable<Row>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="dispute-total"
        scroll={{ x: 1000 }}
        data-testid="dispute-queue"
        empty={<EmptyState title={t('dispute.none')} description={t('dispute.noneDescription')} />}
        columns={[
          {
            title: t('dispute.raisedAt'),
            key: 'raisedAt',
            width: 130,
            render: (_, d) => (
              <>
                <div>{format.date(d.createdAt)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dispute.waiting', { count: Math.max(0, daysBetween(d.createdAt.slice(0, 10), today)) })}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('dispute.statement'),
            key: 'statement',
            width: 200,
            render: (_, d) =>
              d.statement ? (
                <Link to={`/finance/statements/${d.statement.id}`}>
                  {d.statement.distributor?.name ?? '—'} · {d.statement.period} ·{' '}
                  {t('statement.versionValue', { version: d.statement.version })}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('dispute.line'),
            key: 'line',
            render: (_, d) =>
              d.line ? (
                <>
                  <div>{d.line.memo ?? t(`ledgerKind.${d.line.kind}`)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {format.date(d.line.occurredOn)} · {t(`ledgerKind.${d.line.kind}`)} · {format.money(d.line.amount)}
                  </Typography.Text>
                </>
              ) : (
                '—'
              ),
          },
          {
            title: t('dispute.comment'),
            key: 'comment',
            render: (_, d) => (
              <>
                <span data-testid="dispute-comment">{d.comment}</span>
                <DisputeEvidence disputeId={d.id} attachments={d.attachments} audience="console" canAdd={false} />
              </>
            ),
          },
          {
            title: t('dispute.raisedBy'),
            key: 'raisedBy',
            width: 100,
            render: (_, d) => d.raisedBy?.displayName ?? '—',
          },
          ...(answers
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 90,
                  fixed: 'right' as const,
                  render: (_: unknown, d: Row) => (
                    <Button
                      type="primary"
                      size="small"
                      onClick={() => setAnswering(d)}
                      data-testid="dispute-resolve-open"
                    >
                      {t('dispute.resolve')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ResolveDisputeModal
        dispute={answering}
        onClose={() => setAnswering(null)}
        onResolved={(statement, reissued) =>
          void message.success(reissued ? t('dispute.reissued', { version: statement.version }) : t('dispute.answered'))
        }
      />
    </Card>
  );
}

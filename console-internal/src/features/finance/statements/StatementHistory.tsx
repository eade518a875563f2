import { useState } from 'react';
import { App, Button, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { DisputeStatusTag, StatementStatusTag } from '@medchannel/web-shared/finance';
import type { StatementDetailQuery } from '../../../gql/graphql';
import { ResolveDisputeModal, type DisputeToAnswer } from '../disputes/ResolveDisputeModal';
import { can } from '@medchannel/shared-schema';

type Statement = StatementDetailQuery['statement'];
type Dispute = Statement['versions'][number]['disputes'][number] & { version: number };

/** Every dispute of the month, over all its versions, with how finance answered; open ones answerable here. */
export function StatementDisputesCard({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [answering, setAnswering] = useState<DisputeToAnswer | null>(null);
  const disputes: Dispute[] = statement.versions.flatMap((v) => v.disputes.map((d) => ({ ...d, version: v.version })));
  const answerable = can(user.role, 'finance.keepAccounts');

  return (
    <Card title={t('statement.disputes')} style={{ marginBottom: 16 }} data-testid="statement-disputes">
      <List<Dispute>
        dataSource={disputes}
        locale={{ emptyText: t('statement.noDisputes') }}
        renderItem={(d) => (
          <List.Item
            data-testid="statement-dispute"
            data-status={d.status}
            extra={
              answerable &&
              d.status === 'OPEN' && (
                <Button
                  type="primary"
                  size="small"
                  onClick={() =>
                    setAnswering({
                      ...d,
                      statement: { period: statement.period, version: d.version, distributor: statement.distributor },
                    })
                  }
                  data-testid="statement-dispute-resolve"
                >
                  {t('dispute.resolve')}
                </Button>
              )
            }
          >
            <List.Item.Meta
              title={
                <Flex gap={8} wrap align="center">
                  <Tag>{t('statement.versionValue', { version: d.version })}</Tag>
                  <span>
                    {d.line
                      ? `#${d.line.lineNo} ${d.line.memo ?? t(`ledgerKind.${d.line.kind}`)} · ${format.money(d.line.amount)}`
                      : '—'}
                  </span>
                  <DisputeStatusTag status={d.status} />
                </Flex>
              }
              description={
                <>
                  <div>
                    {t('statement.disputeRaised', {
                      who: d.raisedBy?.displayName ?? '—',
                      when: format.dateTime(d.createdAt),
                      comment: d.comment,
                    })}
                  </div>
                  {d.resolution && (
                    <Typography.Text type="secondary" data-testid="statement-dispute-resolution">
                      {t('statement.disputeAnswered', {
                        who: d.resolvedBy?.displayName ?? '—',
                        when: format.dateTime(d.resolvedAt),
                        resolution: d.resolution,
                      })}
                    </Typography.Text>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <ResolveDisputeModal
        dispute={answering}
        onClose={() => setAnswering(null)}
        onResolved={(next, reissued) => {
          void message.success(reissued ? t('dispute.reissued', { version: next.version }) : t('dispute.answered'));
          if (reissued) void navigate(`/finance/statements/${next.id}`);
        }}
      />
    </Card>
  );
}

/** The month's versions, oldest first: the one on screen marked, the others a click away. */
export function StatementVersionsCard({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('statement.versions')} style={{ marginBottom: 16 }} data-testid="statement-versions">
      <List
        size="small"
        dataSource={statement.versions}
        renderItem={(v) => (
          <List.Item data-testid="statement-version" data-version={v.version} data-status={v.status}>
            <List.Item.Meta
              title={
                <Space size={8}>
                  {v.id === statement.id ? (
                    <Typography.Text strong>{t('statement.versionValue', { version: v.version })}</Typography.Text>
                  ) : (
                    <Link to={`/finance/statements/${v.id}`}>
                      {t('statement.versionValue', { version: v.version })}
                    </Link>
                  )}
                  <StatementStatusTag status={v.status} />
                </Space>
              }
              description={t('statement.versionIssued', { date: format.date(v.createdAt) })}
            />
            <Typography.Text>{format.money(v.closingBalance)}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

import { Alert, Breadcrumb, Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { StatementStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { StatementChangesCard, StatementStatusTag, useStatementDownloads } from '@medchannel/web-shared/finance';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { StatementDetailDocument, type StatementDetailQuery } from '../../../gql/graphql';
import { StatementLinesCard } from './StatementLinesCard';
import { StatementDisputesCard, StatementVersionsCard } from './StatementHistory';

type Statement = StatementDetailQuery['statement'];

/** PDF or Excel, fetched with the session (a plain link cannot send the audience header). */
function Downloads({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const { buttons, failed } = useStatementDownloads(statement, 'console');
  return (
    <Space>
      {failed && (
        <Typography.Text type="danger" data-testid="statement-download-error">
          {t('statement.downloadFailed')}
        </Typography.Text>
      )}
      {buttons}
    </Space>
  );
}

/** One version of a distributor's month: figures, lines with the running balance, disputes and answers, the versions. */
export default function StatementDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('statement', id);
  const { data, error, refetch } = useQuery(StatementDetailDocument, { variables: { id } });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const s = data?.statement;
  if (!s) return <LoadingState />;
  const latest = s.versions[s.versions.length - 1];
  const figures = [
    ['opening', s.openingBalance],
    ['debits', s.debits],
    ['credits', s.credits],
    ['closing', s.closingBalance],
  ] as const;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/finance/statements">{t('finance.tab.statements')}</Link> },
          { title: `${s.distributor?.name ?? ''} · ${s.period}` },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="statement-title">
            {t('statement.title', { distributor: s.distributor?.name ?? '', period: s.period })}
          </Typography.Title>
          <Tag data-testid="statement-version-tag">{t('statement.versionValue', { version: s.version })}</Tag>
          <span data-testid="statement-status" data-status={s.status} data-version={s.version}>
            <StatementStatusTag status={s.status} />
          </span>
        </Space>
        <Downloads statement={s} />
      </Flex>
      {s.status === StatementStatus.SUPERSEDED && latest && latest.id !== s.id && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('statement.superseded', { version: latest.version })}
          action={
            <Link to={`/finance/statements/${latest.id}`} data-testid="statement-latest">
              {t('statement.openLatest')}
            </Link>
          }
        />
      )}
      {s.confirmedAt && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('statement.confirmedAt', { when: format.dateTime(s.confirmedAt) })}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {figures.map(([key, m]) => (
            <Col key={key} xs={12} md={6}>
              <Statistic title={t(`statement.${key}`)} value={format.money(m)} data-testid={`statement-${key}`} />
            </Col>
          ))}
        </Row>
      </Card>
      {s.changes && (
        <div style={{ marginBottom: 16 }}>
          <StatementChangesCard changes={s.changes} />
        </div>
      )}
      <StatementLinesCard statement={s} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <StatementDisputesCard statement={s} />
        </Col>
        <Col xs={24} xl={8}>
          <StatementVersionsCard statement={s} />
        </Col>
      </Row>
    </>
  );
}

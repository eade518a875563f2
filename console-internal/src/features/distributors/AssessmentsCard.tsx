import { Button, Card, Rate, Space, Table, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { type DistributorDetailFragment } from '../../gql/graphql';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';

type Assessment = DistributorDetailFragment['assessments'][number];

/** The distributor's assessments, newest first: three scores and what was found. */
export function AssessmentsCard({ assessments, onRecord }: { assessments: Assessment[]; onRecord?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card
      title={t('assessment.latest')}
      style={{ marginBottom: 16 }}
      extra={
        onRecord && (
          <Button size="small" icon={<FormOutlined />} onClick={onRecord} data-testid="assessment-open">
            {t('assessment.record')}
          </Button>
        )
      }
    >
      {assessments.length === 0 ? (
        <EmptyState title={t('assessment.none')} description={t('assessment.noneDescription')} />
      ) : (
        <Table<Assessment>
          rowKey="id"
          size="small"
          dataSource={[...assessments].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 960 }}
          data-testid="assessments"
          columns={[
            { title: t('assessment.date'), key: 'date', width: 170, render: (_, a) => format.dateTime(a.createdAt) },
            ...(['fitScore', 'willingnessScore', 'capabilityScore'] as const).map((k) => ({
              title: t(`assessment.${k}`),
              key: k,
              width: 130,
              render: (_: unknown, a: Assessment) => <Rate disabled count={5} value={a[k]} style={{ fontSize: 12 }} />,
            })),
            {
              title: t('assessment.findings'),
              key: 'findings',
              render: (_, a) => (
                <Space direction="vertical" size={0}>
                  {(['productsCarried', 'competingProducts', 'brandStrength', 'peerReviews'] as const)
                    .filter((k) => a[k])
                    .map((k) => (
                      <Typography.Text key={k}>
                        <Typography.Text type="secondary">{t(`assessment.${k}`)}：</Typography.Text>
                        {a[k]}
                      </Typography.Text>
                    ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

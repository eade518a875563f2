import './strings';
import { Card, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyRecallsDocument } from '../../gql/graphql';
import { SEVERITY_COLOR, lotOf } from './recallWords';

/** 召回通知: the recalls that reach the own distributor (an owner's: its second tier's too), newest first. */
export default function RecallsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(MyRecallsDocument);
  const pager = useLoadMore(query, 'recalls');
  return (
    <>
      <PageHeader title={t('recall.title')} />
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="recall-list"
          footerTestId="recalls"
          empty={<EmptyState title={t('recall.empty')} />}
          row={(r) => (
            <Link key={r.id} to={`/recalls/${r.id}`} className="pp-item pp-row" data-testid="recall-row">
              <div className="pp-row-head">
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {r.productName} · {lotOf(r)}
                </Typography.Text>
                <Tag color={r.acknowledgedCount >= r.distributorCount ? 'green' : 'red'}>
                  {r.acknowledgedCount >= r.distributorCount ? t('recall.acknowledged') : t('recall.pending')}
                </Tag>
              </div>
              <div className="pp-item-line">
                <Tag color={SEVERITY_COLOR[r.severity]}>{t(`recall.severityValue.${r.severity}`)}</Tag>
                <span className="pp-muted">{format.date(r.createdAt)}</span>
              </div>
            </Link>
          )}
        />
      </Card>
    </>
  );
}

import './strings';
import { Card, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FileThumbnails } from '@medchannel/web-shared/components';
import { MyDeliveryProgressDocument } from '../../../gql/graphql';

/** A won deal's delivery project as the distributor follows it: the milestones in order, read-only. */
export function DeliveryProgress({ opportunityId, won }: { opportunityId: string; won: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery(MyDeliveryProgressDocument, { variables: { opportunityId }, skip: !won });
  const p = data?.deliveryProjectOfOpportunity;
  if (!p) return null;
  return (
    <Card
      size="small"
      title={t('delivery.project')}
      extra={<Tag color={p.status === 'COMPLETED' ? 'green' : 'blue'}>{t(`delivery.status.${p.status}`)}</Tag>}
      data-testid="delivery-progress"
    >
      {p.engineer && (
        <Typography.Paragraph>{t('delivery.engineer', { name: p.engineer.displayName })}</Typography.Paragraph>
      )}
      <Timeline
        items={p.milestones.map((m) => ({
          key: m.id,
          color: m.doneDate ? 'green' : m.overdue ? 'red' : 'gray',
          content: (
            <>
              <Typography.Text strong>{t(`delivery.milestone.${m.kind}`)}</Typography.Text>{' '}
              {m.doneDate ? (
                <Typography.Text type="success">{t('delivery.done', { date: m.doneDate })}</Typography.Text>
              ) : (
                m.plannedDate && (
                  <Typography.Text type="secondary">{t('delivery.planned', { date: m.plannedDate })}</Typography.Text>
                )
              )}
              {!m.doneDate && m.overdue && <Tag color="red">{t('delivery.overdue')}</Tag>}
              <FileThumbnails files={m.files} audience="portal" testId="delivery" />
            </>
          ),
        }))}
      />
    </Card>
  );
}

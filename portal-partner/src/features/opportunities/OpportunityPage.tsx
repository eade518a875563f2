import './strings';
import { Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { BackLink, DetailPending } from '../../components/DetailPending';
import { MyOpportunityDocument } from '../../gql/graphql';
import { OpportunityActions } from './OpportunityActions';
import { RegistrationTag } from '@medchannel/web-shared/opportunities';
import { TrialCard } from '@medchannel/web-shared/opportunities';
import { TrialProductSelect } from './trials/TrialProductSelect';
import { TenderSection } from './tenders/TenderSection';
import { DeliveryProgress } from './delivery/DeliveryProgress';

/** One opportunity on the phone: where, what, how much, its stages, and registering it with the brand. */
export default function OpportunityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  useNoticesReadOnOpen('opportunity', id);
  const query = useQuery(MyOpportunityDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const back = (
    <BackLink to="/opportunities" testId="opportunity-back">
      {t('opportunity.title')}
    </BackLink>
  );
  const o = query.data?.opportunity;
  if (!o) return <DetailPending query={query} back={back} />;
  const registration = o.registration;
  return (
    <Flex vertical gap={12} data-testid="opportunity-detail">
      {back}
      <PageHeader
        title={o.hospital?.name ?? '—'}
        subtitle={[o.department?.name, o.productLine?.name].filter(Boolean).join(' · ')}
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Tag color="blue" data-testid="opportunity-stage">
            {t(`opportunity.stage.${o.stage}`)}
          </Tag>
          <RegistrationTag registration={registration} />
        </Flex>
        {registration?.status === 'REJECTED' && registration.rejectReason && (
          <Typography.Paragraph type="danger" data-testid="registration-reject-reason">
            {t('opportunity.rejectReason', { reason: registration.rejectReason })}
          </Typography.Paragraph>
        )}
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('opportunity.need')}>{o.need}</Descriptions.Item>
          <Descriptions.Item label={t('opportunity.value')}>{format.money(o.estimatedValue)}</Descriptions.Item>
          {o.expectedMonth && (
            <Descriptions.Item label={t('opportunity.expectedMonth')}>{o.expectedMonth}</Descriptions.Item>
          )}
          {o.competitor && <Descriptions.Item label={t('opportunity.competitor')}>{o.competitor}</Descriptions.Item>}
          {o.products.length > 0 && (
            <Descriptions.Item label={t('opportunity.products')}>
              {o.products.map((p) => p.name).join('、')}
            </Descriptions.Item>
          )}
          {o.owner && <Descriptions.Item label={t('opportunity.owner')}>{o.owner.displayName}</Descriptions.Item>}
          {o.lostReason && <Descriptions.Item label={t('opportunity.lostReason')}>{o.lostReason}</Descriptions.Item>}
          {o.lostTo && <Descriptions.Item label={t('opportunity.lostTo')}>{o.lostTo}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <OpportunityActions opportunity={o} />
      <TrialCard opportunityId={o.id} audience="portal" productPicker={<TrialProductSelect />} small />
      <TenderSection opportunityId={o.id} />
      <DeliveryProgress opportunityId={o.id} won={o.stage === 'WON'} />
      <Card size="small" title={t('opportunity.history')}>
        <Timeline
          items={o.stageHistory.map((f) => ({
            key: f.id,
            content: (
              <>
                <Typography.Text strong>{t(`opportunity.stage.${f.stage}`)}</Typography.Text>{' '}
                <Typography.Text type="secondary">{format.dateTime(f.createdAt)}</Typography.Text>
                {f.note && <div>{f.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}

import './strings';
import { useState } from 'react';
import { Button, Card, Flex } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { NewTenderModal, TendersDocument } from '@medchannel/web-shared/opportunities';
import { MyTenderCard } from './MyTenderCard';

/** 招标 on the phone: the opportunity's tenders, their quotes against the floor, a new tender. */
export function TenderSection({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(TendersDocument, {
    variables: { opportunityId },
    fetchPolicy: 'cache-and-network',
  });
  const manages = can(user.role, 'tender.manage');
  if (!can(user.role, 'tender.read')) return null;
  const tenders = data?.tenders ?? [];

  return (
    <Card size="small" title={t('tender.card')} data-testid="tender-section">
      <Flex vertical gap={12}>
        {error && !data ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : loading && !data ? (
          <LoadingState />
        ) : tenders.length === 0 ? (
          <EmptyState title={t('tender.none')} />
        ) : (
          tenders.map((tender) => <MyTenderCard key={tender.id} tender={tender} manages={manages} />)
        )}
        {manages && (
          <Button size="large" block onClick={() => setCreating(true)}>
            {t('tender.new')}
          </Button>
        )}
      </Flex>
      {manages && (
        <NewTenderModal
          opportunityId={opportunityId}
          opportunityQuery="MyOpportunity"
          open={creating}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}

import './strings';
import { useState } from 'react';
import { Button, Card, Flex } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { NewTenderModal, TendersDocument } from '@medchannel/web-shared/opportunities';
import { TenderPanel } from './TenderPanel';

/** 招标 on the opportunity page: its tenders, each with its quotes against the floor price, and a new one. */
export function TenderCard({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(TendersDocument, { variables: { opportunityId } });
  const manages = can(user.role, 'tender.manage');
  if (!can(user.role, 'tender.read')) return null;
  const tenders = data?.tenders ?? [];

  return (
    <Card
      title={t('tender.card')}
      style={{ marginBottom: 16 }}
      data-testid="tender-card"
      extra={
        manages && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('tender.new')}
          </Button>
        )
      }
    >
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : tenders.length === 0 ? (
        <EmptyState title={t('tender.none')} />
      ) : (
        <Flex vertical gap={16}>
          {tenders.map((tender) => (
            <TenderPanel key={tender.id} tender={tender} manages={manages} />
          ))}
        </Flex>
      )}
      {manages && (
        <NewTenderModal
          opportunityId={opportunityId}
          opportunityQuery="ConsoleOpportunity"
          open={creating}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}

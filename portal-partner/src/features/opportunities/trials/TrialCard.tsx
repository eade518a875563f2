import './strings';
import { useState } from 'react';
import { Button, Card, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { MyOpportunityTrialsDocument } from '../../../gql/graphql';
import { PlanTrialModal } from './PlanTrialModal';
import { TrialItem } from './TrialItem';

/** 试用 on the opportunity's page: its trials, newest first, and planning another. */
export function TrialCard({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [planning, setPlanning] = useState(false);
  const { data, loading, error, refetch } = useQuery(MyOpportunityTrialsDocument, {
    variables: { opportunityId },
  });
  const trials = data?.opportunityTrials;

  return (
    <Card
      title={t('trial.title')}
      size="small"
      data-testid="trial-card"
      extra={
        can(user.role, 'trial.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            {t('trial.plan')}
          </Button>
        )
      }
    >
      <PlanTrialModal opportunityId={opportunityId} open={planning} onClose={() => setPlanning(false)} />
      {error && !trials ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !trials ? (
        <LoadingState />
      ) : trials?.length ? (
        <Flex vertical gap={12}>
          {trials.map((trial) => (
            <TrialItem key={trial.id} trial={trial} />
          ))}
        </Flex>
      ) : (
        <EmptyState title={t('trial.empty')} />
      )}
    </Card>
  );
}

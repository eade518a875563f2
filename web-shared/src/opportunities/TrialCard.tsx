import { useState, type ReactNode } from 'react';
import { Button, Card, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '../app/session';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { OpportunityTrialsDocument } from '../gql/opportunities/graphql';
import { PlanTrialModal } from './PlanTrialModal';
import { TrialItem } from './TrialItem';
import { addOpportunityStrings } from './strings';
import type { Audience } from '../kernel/files';

addOpportunityStrings();

/**
 * 试用 on the opportunity's page: its trials, newest first, and planning another. Each app brings
 * its own product picker for the plan, and the portal's phone screen a small card.
 */
export function TrialCard({
  opportunityId,
  audience,
  productPicker,
  small = false,
}: {
  opportunityId: string;
  audience: Audience;
  productPicker: ReactNode;
  small?: boolean;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [planning, setPlanning] = useState(false);
  const { data, loading, error, refetch } = useQuery(OpportunityTrialsDocument, {
    variables: { opportunityId },
  });
  const trials = data?.opportunityTrials;

  return (
    <Card
      title={t('trial.title')}
      size={small ? 'small' : undefined}
      style={small ? undefined : { marginBottom: 16 }}
      data-testid="trial-card"
      extra={
        can(user.role, 'trial.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            {t('trial.plan')}
          </Button>
        )
      }
    >
      <PlanTrialModal
        opportunityId={opportunityId}
        productPicker={productPicker}
        open={planning}
        onClose={() => setPlanning(false)}
      />
      {error && !trials ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !trials ? (
        <LoadingState />
      ) : trials?.length ? (
        <Flex vertical gap={12}>
          {trials.map((trial) => (
            <TrialItem key={trial.id} trial={trial} audience={audience} />
          ))}
        </Flex>
      ) : (
        <EmptyState title={t('trial.empty')} />
      )}
    </Card>
  );
}

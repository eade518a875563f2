import { useState } from 'react';
import { Button, Flex, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { HandOverCoVisitsDocument, RepHoldingsDocument, type TeamMemberFragment } from '../../gql/graphql';

/**
 * Under a disabled rep: the open co-visits he is still on, handed to another active rep one by
 * one or all at once (his orders and notes stay his).
 */
export function HandoverPanel({
  member,
  colleagues,
  onError,
}: {
  member: TeamMemberFragment;
  colleagues: TeamMemberFragment[];
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const explain = useCodedError();
  const { data, refetch } = useQuery(RepHoldingsDocument, {
    variables: { userId: member.id },
    fetchPolicy: 'network-only',
  });
  const [handOver, { loading }] = useMutation(HandOverCoVisitsDocument);
  const candidates = colleagues.filter((c) => c.id !== member.id && c.status !== 'DISABLED');
  const [to, setTo] = useState<string | undefined>(candidates[0]?.id);
  const held = data?.userHoldings.nodes ?? [];
  if (!data || held.length === 0) return null;

  const move = async (coVisitIds: string[] | null) => {
    if (!to) return;
    onError(null);
    try {
      await handOver({ variables: { fromUserId: member.id, toUserId: to, coVisitIds } });
      await refetch();
    } catch (err) {
      onError(explain(err).message);
    }
  };

  return (
    <div style={{ marginTop: 8, padding: 8, background: '#fafafa', borderRadius: 6 }} data-testid="handover">
      <Typography.Text strong>{t('team.holdings', { count: held.length })}</Typography.Text>
      <Flex align="center" gap={8} style={{ margin: '6px 0' }}>
        <span className="pp-muted">{t('team.handTo')}</span>
        <Select
          size="small"
          value={to}
          onChange={setTo}
          style={{ flex: 1 }}
          options={candidates.map((c) => ({ value: c.id, label: c.displayName }))}
          data-testid="handover-to"
        />
        <Button
          size="small"
          type="primary"
          disabled={!to}
          loading={loading}
          onClick={() => void move(null)}
          data-testid="handover-all"
        >
          {t('team.handAll')}
        </Button>
      </Flex>
      {held.map((v) => (
        <Flex key={v.id} justify="space-between" align="center" gap={8} data-testid="holding">
          <span style={{ minWidth: 0 }}>
            {v.hospital?.name ?? v.goal}
            <span className="pp-muted"> · {dateTime(v.startsAt)}</span>
          </span>
          <Button size="small" disabled={!to} onClick={() => void move([v.id])}>
            {t('team.handOne')}
          </Button>
        </Flex>
      ))}
    </div>
  );
}

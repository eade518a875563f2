import { Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat, type useCurrentUser } from '@medchannel/web-shared';
import { chinaTime } from '@medchannel/web-shared/kernel';
import type { CoVisitDetailFragment } from '../../../gql/graphql';

interface Props {
  visit: CoVisitDetailFragment;
  /** The viewer's side; a slot it offered is not theirs to accept */
  side: ReturnType<typeof useCurrentUser>['side'];
  canAccept: boolean;
  accepting: boolean;
  onAccept: (slotId: string) => void;
}

/** The times offered: who offered each, the one chosen, and accept beside those the other side offered. */
export function CoVisitSlots({ visit, side, canAccept, accepting, onAccept }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('visit.slots')}>
      <List
        dataSource={visit.slots}
        data-testid="covisit-slots"
        renderItem={(s) => {
          const chosen = visit.confirmedSlot?.id === s.id;
          return (
            <List.Item
              data-testid="covisit-slot"
              data-slot={s.id}
              extra={
                canAccept && s.proposedSide !== side ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={accepting}
                    onClick={() => onAccept(s.id)}
                    data-testid="slot-accept"
                  >
                    {t('visit.move.accept')}
                  </Button>
                ) : chosen ? (
                  <Typography.Text type="success">{t('visit.slot.chosen')}</Typography.Text>
                ) : null
              }
            >
              <Space direction="vertical" size={0}>
                <Typography.Text strong={chosen}>
                  {format.dateTime(s.startsAt)} – {chinaTime(s.endsAt)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('visit.slot.offeredBy', { who: s.proposedBy?.displayName ?? t(`visitSide.${s.proposedSide}`) })}
                </Typography.Text>
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

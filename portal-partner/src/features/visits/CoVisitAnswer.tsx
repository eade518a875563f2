import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Typography } from 'antd';
import { CheckOutlined, FieldTimeOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Side } from '@medchannel/shared-schema';
import type { ReactNode } from 'react';
import type { CoVisitDetail } from './CoVisitPage';
import { SlotForm } from './SlotForm';
import { useVisitTime } from './dates';
import type { CoVisitMoves } from './useCoVisitMoves';

/** On my turn: take one of the brand's times, offer another, or decline with a reason. */
export function CoVisitAnswer({
  visit,
  moves,
  error,
}: {
  visit: CoVisitDetail;
  moves: CoVisitMoves;
  error: ReactNode;
}) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  const [offering, setOffering] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [acceptingSlot, setAcceptingSlot] = useState<string | null>(null);
  const theirs = visit.slots.filter((s) => s.proposedSide !== Side.PARTNER);
  return (
    <Card size="small" title={t('visits.answerTitle')} data-testid="co-visit-answer">
      <Flex vertical gap={8}>
        {error}
        {moves.overlapDialog}
        <Typography.Text type="secondary">{t('visits.answerHint')}</Typography.Text>
        {theirs.map((s, i) => (
          <Button
            key={s.id}
            type={i === 0 ? 'primary' : 'default'}
            size="large"
            block
            icon={<CheckOutlined />}
            loading={moves.loading.accepting && acceptingSlot === s.id}
            onClick={() => {
              setAcceptingSlot(s.id);
              void moves.accept(s.id);
            }}
            data-testid={`co-visit-accept-${i}`}
            data-starts={s.startsAt}
          >
            {t('visits.accept', { time: visitTime(s.startsAt) })}
          </Button>
        ))}
        {offering ? (
          <SlotForm
            busy={moves.loading.offering}
            onCancel={() => setOffering(false)}
            onSubmit={async (slot) => {
              if (await moves.offer(slot)) setOffering(false);
            }}
          />
        ) : (
          <Flex gap={8} className="pv-actions">
            <Button
              size="large"
              icon={<FieldTimeOutlined />}
              onClick={() => setOffering(true)}
              data-testid="co-visit-propose"
            >
              {t('visits.proposeOther')}
            </Button>
            <Button
              size="large"
              danger
              icon={<StopOutlined />}
              onClick={() => setDeclining(true)}
              data-testid="co-visit-decline"
            >
              {t('visits.decline')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Modal
        open={declining}
        title={t('visits.declineTitle')}
        okText={t('visits.decline')}
        okButtonProps={{
          danger: true,
          disabled: reason.trim().length < 2,
          loading: moves.loading.declining,
          'data-testid': 'co-visit-decline-ok',
        }}
        cancelText={t('action.cancel')}
        onCancel={() => setDeclining(false)}
        onOk={async () => {
          await moves.decline(reason.trim());
          setDeclining(false);
        }}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('visits.declineReason')}
          data-testid="co-visit-decline-reason"
        />
      </Modal>
    </Card>
  );
}

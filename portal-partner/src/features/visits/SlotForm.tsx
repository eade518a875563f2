import { useState } from 'react';
import { Button, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addDays, chinaInstant, chinaToday } from '@medchannel/web-shared/kernel';

interface Props {
  busy: boolean;
  onSubmit: (slot: { startsAt: string; endsAt: string }) => Promise<void>;
  onCancel: () => void;
}

/**
 * Another time to offer: a day and a start and end time in China time, with the phone's own date
 * and time pickers (native inputs: no calendar widget in the chunk).
 */
export function SlotForm({ busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [day, setDay] = useState(() => addDays(chinaToday(), 1));
  const [from, setFrom] = useState('09:30');
  const [to, setTo] = useState('11:00');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && from < to && day >= chinaToday();
  return (
    <Flex vertical gap={8} className="pv-slot-form" data-testid="slot-form">
      <Typography.Text strong>{t('visits.otherTime')}</Typography.Text>
      <label className="pv-field">
        <span>{t('visits.slotDay')}</span>
        <Input
          type="date"
          value={day}
          min={chinaToday()}
          onChange={(e) => setDay(e.target.value)}
          data-testid="slot-day"
        />
      </label>
      <Flex gap={8}>
        <label className="pv-field">
          <span>{t('visits.slotFrom')}</span>
          <Input type="time" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="slot-from" />
        </label>
        <label className="pv-field">
          <span>{t('visits.slotTo')}</span>
          <Input type="time" value={to} onChange={(e) => setTo(e.target.value)} data-testid="slot-to" />
        </label>
      </Flex>
      {!valid && <Typography.Text type="danger">{t('visits.slotInvalid')}</Typography.Text>}
      <Flex gap={8} className="pv-actions">
        <Button
          type="primary"
          size="large"
          disabled={!valid}
          loading={busy}
          onClick={() => void onSubmit({ startsAt: chinaInstant(day, from), endsAt: chinaInstant(day, to) })}
          data-testid="slot-submit"
        >
          {t('visits.sendSlot')}
        </Button>
        <Button size="large" onClick={onCancel} data-testid="slot-cancel">
          {t('action.cancel')}
        </Button>
      </Flex>
    </Flex>
  );
}

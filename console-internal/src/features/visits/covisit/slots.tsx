import { DatePicker, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaInstant, chinaToday } from '@medchannel/web-shared/kernel';

/** A time as the form holds it: a day, a start on the half hour, a length in hours. */
export interface SlotValue {
  day?: Dayjs;
  start?: string;
  hours?: number;
}

const STARTS = Array.from({ length: 27 }, (_, i) => {
  const minutes = 7 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});
const HOURS = [0.5, 1, 1.5, 2, 3, 4];

/** The slot as the API takes it (instants), or null while a part is missing. */
export function slotInput(slot: SlotValue | undefined): { startsAt: string; endsAt: string } | null {
  if (!slot?.day || !slot.start || !slot.hours) return null;
  const startsAt = chinaInstant(slot.day.format('YYYY-MM-DD'), slot.start);
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + slot.hours * 3_600_000).toISOString() };
}

export const emptySlot = (): SlotValue => ({ day: dayjs(chinaToday()).add(1, 'day'), start: '10:00', hours: 1 });

/** Day, start and length of one offered time; testids slot-date, slot-start, slot-hours. */
export function SlotField({ value, onChange }: { value?: SlotValue; onChange?: (value: SlotValue) => void }) {
  const { t } = useTranslation();
  const set = (part: Partial<SlotValue>) => onChange?.({ ...value, ...part });
  return (
    <Space wrap>
      <DatePicker
        value={value?.day}
        onChange={(day) => set({ day: day ?? undefined })}
        disabledDate={(d) => d.isBefore(chinaToday(), 'day')}
        data-testid="slot-date"
      />
      <Select
        showSearch
        value={value?.start}
        onChange={(start) => set({ start })}
        style={{ width: 100 }}
        options={STARTS.map((s) => ({ value: s, label: s }))}
        data-testid="slot-start"
      />
      <Select
        value={value?.hours}
        onChange={(hours) => set({ hours })}
        style={{ width: 110 }}
        options={HOURS.map((h) => ({ value: h, label: t('visit.slot.hours', { count: h }) }))}
        data-testid="slot-hours"
      />
    </Space>
  );
}

/** A required, complete slot. */
export const slotRule = (message: string) => ({
  validator: (_: unknown, v: SlotValue) => (slotInput(v) ? Promise.resolve() : Promise.reject(new Error(message))),
});

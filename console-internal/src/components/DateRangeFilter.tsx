import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useUrlFilters } from '@medchannel/web-shared/components';

/** A list's date range in the URL (`from`, `to`, YYYY-MM-DD), both ends set in one history step. */
export function DateRangeFilter({ testId }: { testId: string }) {
  const { params, setFilters } = useUrlFilters();
  const from = params.get('from');
  const to = params.get('to');
  return (
    <DatePicker.RangePicker
      value={from && to ? [dayjs(from), dayjs(to)] : null}
      onChange={(range) => setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      data-testid={testId}
    />
  );
}

import { DatePicker } from 'antd';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';

/**
 * A list's date range in the URL (`from`, `to`, YYYY-MM-DD), both ends set in one history step
 * (two setFilter calls would each start from the same URL and the first would be lost).
 */
export function DateRangeFilter({ testId }: { testId: string }) {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const setRange = (start?: string, end?: string) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of [['from', start], ['to', end]] as const) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return (
    <DatePicker.RangePicker
      value={from && to ? [dayjs(from), dayjs(to)] : null}
      onChange={(range) => setRange(range?.[0]?.format('YYYY-MM-DD'), range?.[1]?.format('YYYY-MM-DD'))}
      data-testid={testId}
    />
  );
}

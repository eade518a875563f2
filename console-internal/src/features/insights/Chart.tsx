import { Suspense } from 'react';
import { Skeleton } from 'antd';
import { retryingLazy } from '@medchannel/web-shared';
import type { EChartProps } from './EChart';

// ECharts in a chunk of its own, fetched when the first chart renders (the dashboard route only).
const EChart = retryingLazy(() => import('./EChart'));

/** A chart, its library loaded on first use; a skeleton of its height meanwhile. */
export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 320 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}

export type { ChartPick } from './EChart';

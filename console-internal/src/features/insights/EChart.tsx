import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only the charts and parts the dashboard draws: the chunk stays a fraction of the whole library.
echarts.use([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What a click on a chart's item says: its series and the index of its category (or funnel item). */
export interface ChartPick {
  seriesIndex: number;
  dataIndex: number;
}

export interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  onPick?: (pick: ChartPick) => void;
  testId?: string;
  /** what the chart shows, for screen readers */
  label: string;
}

/**
 * A thin React wrapper over ECharts: one instance per element, the option replaced when it
 * changes, resized with its box, disposed on unmount. Loaded lazily (Chart.tsx), so no first load
 * carries the library.
 */
export default function EChart({ option, height = 320, onPick, testId, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const instance = echarts.init(box.current!);
    chart.current = instance;
    instance.on('click', (p) => pick.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex }));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}

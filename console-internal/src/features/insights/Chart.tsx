import { useEffect, useRef, useState } from 'react';
import { Skeleton } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

/** What a click on a chart's item says: its series and the index of its category (or funnel item). */
interface ChartPick {
  seriesIndex: number;
  dataIndex: number;
}

interface Props {
  option: EChartsCoreOption;
  height?: number;
  onPick?: (pick: ChartPick) => void;
  testId?: string;
  /** what the chart shows, for screen readers */
  label: string;
}

/** ECharts, fetched once on the first chart (a dropped fetch is tried again), never with the first load. */
let library: Promise<typeof import('./charts')> | undefined;
function loadCharts() {
  library ??= import('./charts').catch(() => {
    library = undefined;
    return import('./charts');
  });
  return library;
}

/**
 * A thin React wrapper over ECharts: one instance per element, the option replaced when it
 * changes, resized with its box, disposed on unmount; a skeleton until the library has loaded.
 */
export function Chart({ option, height = 320, onPick, testId, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    let instance: EChartsType | undefined;
    let resize: ResizeObserver | undefined;
    let gone = false;
    void loadCharts().then(({ init }) => {
      if (gone || !box.current) return;
      instance = init(box.current);
      instance.on('click', (p) => pick.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex }));
      resize = new ResizeObserver(() => instance?.resize());
      resize.observe(box.current);
      setChart(instance);
    });
    return () => {
      gone = true;
      resize?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
      {!chart && <Skeleton.Node active style={{ position: 'absolute', inset: 0, width: '100%', height }} />}
    </div>
  );
}

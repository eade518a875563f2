import { init, use as register } from 'echarts/core';
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the charts and parts the dashboard draws: the chunk stays a fraction of the whole library.
// No React here: this module and ECharts are a chunk of their own, fetched by Chart.tsx on first use,
// so the libraries the first load shares with every page are grouped as before.
register([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };

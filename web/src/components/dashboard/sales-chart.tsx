import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useRef } from 'react';
import { useEchart } from './use-echart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface SalesSeries {
  days: string[];
  gmv: number[];
  net: number[];
  gmvName: string;
  netName: string;
}

/** Pixels one day label needs upright; below that the labels turn 45° and ECharts thins them out. */
const UPRIGHT_LABEL_PX = 44;

/**
 * GMV (bars) and net sales (line) per day, in major units; `format` writes the axis and tooltip values
 * (compact: `1,2 Tr`, `12万`). A click on a day calls `onDay` with its date (`YYYY-MM-DD`).
 */
export default function SalesChart({
  series,
  format,
  onDay,
}: {
  series: SalesSeries;
  format: (major: number) => string;
  onDay?: (day: string) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const props = useRef({ format, onDay });
  props.current = { format, onDay };

  useEchart(echarts, el, JSON.stringify(series), (chart, width) => {
    const fmt = (v: unknown) => props.current.format(Number(v));
    const narrow = series.days.length * UPRIGHT_LABEL_PX > width;
    chart.setOption({
      grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
      animationDuration: 300,
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', valueFormatter: fmt, confine: true },
      xAxis: {
        type: 'category',
        data: series.days.map((d) => d.slice(5)),
        axisLabel: { rotate: narrow ? 45 : 0, hideOverlap: true, interval: 'auto' },
      },
      yAxis: { type: 'value', axisLabel: { formatter: fmt, hideOverlap: true }, splitNumber: width < 480 ? 3 : 5 },
      series: [
        { name: series.gmvName, type: 'bar', data: series.gmv, itemStyle: { color: '#f4a6bd' }, barMaxWidth: 24 },
        { name: series.netName, type: 'line', data: series.net, itemStyle: { color: '#e0245e' } },
      ],
    });
    chart.off('click');
    chart.on('click', (p) => {
      const day = series.days[p.dataIndex];
      if (day) props.current.onDay?.(day);
    });
  });

  return <div ref={el} className="chart wide" aria-hidden="true" data-testid="sales-chart" />;
}

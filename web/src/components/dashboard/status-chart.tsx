import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useRef } from 'react';
import { useEchart } from './use-echart';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** KOS per status as horizontal bars: the status names sit one per line, so they never overlap on a phone. */
export default function StatusChart({ labels, values }: { labels: string[]; values: number[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEchart(echarts, el, JSON.stringify([labels, values]), (chart, width) => {
    chart.setOption({
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      animationDuration: 300,
      tooltip: { trigger: 'axis', confine: true },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        axisLabel: { width: Math.max(72, Math.round(width / 3)), overflow: 'truncate' },
      },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#e0245e' }, barMaxWidth: 18 }],
    });
  });
  return <div ref={el} className="chart" aria-hidden="true" />;
}

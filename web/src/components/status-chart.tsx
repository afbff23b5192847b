import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A small bar chart of KOS per status. */
export default function StatusChart({ labels, values }: { labels: string[]; values: number[] }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current);
    chart.current = instance;
    const onResize = () => instance.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const data = JSON.stringify([labels, values]);
  useEffect(() => {
    const [labels, values] = JSON.parse(data) as [string[], number[]];
    chart.current?.setOption({
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      animationDuration: 300,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, width: 72, overflow: 'break' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#e0245e' }, barMaxWidth: 40 }],
    });
  }, [data]);

  return <div ref={el} className="chart" aria-hidden="true" />;
}

import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface SalesSeries {
  days: string[];
  gmv: number[];
  net: number[];
  gmvName: string;
  netName: string;
}

/** GMV (bars) and net sales (line) per day, in major units; `format` labels the values. */
export default function SalesChart({ series, format }: { series: SalesSeries; format: (major: number) => string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const formatRef = useRef(format);
  formatRef.current = format;

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

  const data = JSON.stringify(series);
  useEffect(() => {
    const s = JSON.parse(data) as SalesSeries;
    const fmt = (v: unknown) => formatRef.current(Number(v));
    chart.current?.setOption({
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      animationDuration: 300,
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      xAxis: { type: 'category', data: s.days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', axisLabel: { formatter: fmt } },
      series: [
        { name: s.gmvName, type: 'bar', data: s.gmv, itemStyle: { color: '#f4a6bd' }, barMaxWidth: 24 },
        { name: s.netName, type: 'line', data: s.net, itemStyle: { color: '#e0245e' } },
      ],
    });
  }, [data]);

  return <div ref={el} className="chart wide" aria-hidden="true" />;
}

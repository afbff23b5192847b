import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useRef } from 'react';
import { useEchart } from '../dashboard/use-echart';

echarts.use([RadarChart, LineChart, BarChart, RadarComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * The charts of the scorecard and tiers pages, one module so ECharts (large) loads once and only when a
 * chart is shown. Every chart repeats figures the page also shows as text, so the canvas is aria-hidden.
 */

/** S, A, B, C and "no tier": strong to pale. */
export const TIER_COLOURS = { S: '#e0245e', A: '#f28a3c', B: '#3182bd', C: '#9ecae1', none: '#c8c8c8' } as const;

/** RPG as a radar: three axes from 0 to 100 (percentiles), one filled area. */
export function RpgRadar({ axes, values, name }: { axes: string[]; values: number[]; name: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEchart(echarts, el, JSON.stringify([axes, values, name]), (chart, width) => {
    chart.setOption(
      {
        animationDuration: 300,
        tooltip: { trigger: 'item', confine: true },
        radar: {
          indicator: axes.map((axis) => ({ name: axis, max: 100, min: 0 })),
          radius: width < 400 ? '58%' : '68%',
          splitNumber: 4,
          axisName: { color: '#444', fontSize: width < 400 ? 11 : 13 },
        },
        series: [
          {
            type: 'radar',
            name,
            data: [{ value: values, name, areaStyle: { color: 'rgba(224, 36, 94, 0.25)' } }],
            itemStyle: { color: '#e0245e' },
            label: { show: true, fontSize: 11 },
          },
        ],
      },
      true,
    );
  });
  return <div ref={el} className="chart rpg-radar" aria-hidden="true" data-testid="rpg-radar" />;
}

export interface TrendSeries {
  weeks: string[];
  net: number[];
  rpg: (number | null)[];
  netName: string;
  rpgName: string;
}

/** Net sales per week (bars, major units, left axis) and the RPG score (line, 0–100, right axis). */
export function TrendChart({ series, format }: { series: TrendSeries; format: (major: number) => string }) {
  const el = useRef<HTMLDivElement>(null);
  const fmt = useRef(format);
  fmt.current = format;
  useEchart(echarts, el, JSON.stringify(series), (chart, width) => {
    chart.setOption(
      {
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        animationDuration: 300,
        legend: { top: 0, type: 'scroll' },
        tooltip: { trigger: 'axis', confine: true },
        xAxis: {
          type: 'category',
          data: series.weeks.map((d) => d.slice(5)),
          axisLabel: { rotate: series.weeks.length * 44 > width ? 45 : 0, hideOverlap: true },
        },
        yAxis: [
          { type: 'value', axisLabel: { formatter: (v: number) => fmt.current(v), hideOverlap: true }, splitNumber: 3 },
          { type: 'value', min: 0, max: 100, splitNumber: 4, splitLine: { show: false } },
        ],
        series: [
          {
            name: series.netName,
            type: 'bar',
            data: series.net,
            itemStyle: { color: '#f4a6bd' },
            barMaxWidth: 24,
            tooltip: { valueFormatter: (v: unknown) => fmt.current(Number(v)) },
          },
          {
            name: series.rpgName,
            type: 'line',
            yAxisIndex: 1,
            data: series.rpg,
            itemStyle: { color: '#e0245e' },
            connectNulls: true,
          },
        ],
      },
      true,
    );
  });
  return <div ref={el} className="chart wide" aria-hidden="true" data-testid="trend-chart" />;
}

/** Active KOS per unit by tier, stacked; a click on a unit's bar calls `onUnit` with its index. */
export function DistributionChart({
  units,
  tiers,
  onUnit,
}: {
  units: string[];
  tiers: { key: keyof typeof TIER_COLOURS; name: string; values: number[] }[];
  onUnit?: (index: number) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const click = useRef(onUnit);
  click.current = onUnit;
  useEchart(echarts, el, JSON.stringify([units, tiers]), (chart, width) => {
    chart.setOption(
      {
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        animationDuration: 300,
        legend: { top: 0, itemWidth: 12, itemHeight: 8 },
        tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: units,
          axisLabel: { width: Math.max(72, Math.round(width / 3)), overflow: 'truncate' },
        },
        xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
        series: tiers.map((tier) => ({
          name: tier.name,
          type: 'bar',
          stack: 'tiers',
          data: tier.values,
          itemStyle: { color: TIER_COLOURS[tier.key] },
          barMaxWidth: 22,
        })),
      },
      true,
    );
    chart.off('click');
    chart.on('click', (p) => click.current?.(p.dataIndex));
  });
  const height = Math.max(160, units.length * 40 + 60);
  return <div ref={el} className="chart" style={{ height }} aria-hidden="true" data-testid="distribution-chart" />;
}

import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useRef } from 'react';
import { useEchart } from '../dashboard/use-echart';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const TIER_COLOURS = ['#9ecae1', '#6baed6', '#3182bd', '#08519c', '#e0245e'];

/** Accounts per follower tier on each platform, stacked (one bar per platform, one colour per tier). */
export function TierChart({ platforms, tiers }: { platforms: string[]; tiers: { name: string; values: number[] }[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEchart(echarts, el, JSON.stringify([platforms, tiers]), (chart, width) => {
    chart.setOption(
      {
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        animationDuration: 300,
        legend: { top: 0, itemWidth: 12, itemHeight: 8 },
        tooltip: { trigger: 'axis', confine: true },
        yAxis: {
          type: 'category',
          inverse: true,
          data: platforms,
          axisLabel: { width: Math.max(72, Math.round(width / 3)), overflow: 'truncate' },
        },
        xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
        series: tiers.map((tier, i) => ({
          name: tier.name,
          type: 'bar',
          stack: 'tiers',
          data: tier.values,
          itemStyle: { color: TIER_COLOURS[i % TIER_COLOURS.length] },
          barMaxWidth: 18,
        })),
      },
      true,
    );
  });
  return <div ref={el} className="chart" aria-hidden="true" data-testid="tier-chart" />;
}

/** The average audit score per platform, 0–100, with the pass line at 80 shown by colour. */
export function AuditChart({ platforms, scores, pass }: { platforms: string[]; scores: number[]; pass: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEchart(echarts, el, JSON.stringify([platforms, scores]), (chart, width) => {
    chart.setOption(
      {
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        animationDuration: 300,
        tooltip: { trigger: 'axis', confine: true },
        yAxis: {
          type: 'category',
          inverse: true,
          data: platforms,
          axisLabel: { width: Math.max(72, Math.round(width / 3)), overflow: 'truncate' },
        },
        xAxis: { type: 'value', min: 0, max: 100, splitNumber: 5 },
        series: [
          {
            type: 'bar',
            data: scores.map((value) => ({ value, itemStyle: { color: value >= pass ? '#2e7d32' : '#e0245e' } })),
            barMaxWidth: 18,
          },
        ],
      },
      true,
    );
  });
  return <div ref={el} className="chart" aria-hidden="true" data-testid="audit-chart" />;
}

/** Both charts of `/matrix`, one module so ECharts loads once, lazily. */
export default function MatrixCharts(props: {
  platforms: string[];
  tiers: { name: string; values: number[] }[];
  scores: number[];
  pass: number;
  tierTitle: string;
  auditTitle: string;
}) {
  return (
    <div className="matrix-charts">
      <article className="card">
        <h2>{props.tierTitle}</h2>
        <TierChart platforms={props.platforms} tiers={props.tiers} />
      </article>
      <article className="card">
        <h2>{props.auditTitle}</h2>
        <AuditChart platforms={props.platforms} scores={props.scores} pass={props.pass} />
      </article>
    </div>
  );
}

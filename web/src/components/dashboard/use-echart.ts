import type * as echarts from 'echarts/core';
import { type RefObject, useEffect, useRef } from 'react';

/**
 * An ECharts instance on `el`, resized with the window and disposed with the component. `draw` sets the
 * options from the chart's width (phones get thinner, rotated labels); it runs on mount, when `data`
 * (a string of what is drawn) changes, and after each resize.
 */
export function useEchart(
  lib: typeof echarts,
  el: RefObject<HTMLDivElement | null>,
  data: string,
  draw: (chart: echarts.ECharts, width: number) => void,
): void {
  const chart = useRef<echarts.ECharts | null>(null);
  const drawRef = useRef(draw);
  drawRef.current = draw;

  useEffect(() => {
    if (!el.current) return;
    const node = el.current;
    const instance = lib.init(node);
    chart.current = instance;
    const onResize = () => {
      instance.resize();
      drawRef.current(instance, node.clientWidth);
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      instance.dispose();
      chart.current = null;
    };
  }, [lib, el]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `data` stands for what `draw` shows
  useEffect(() => {
    const instance = chart.current;
    if (instance && el.current) drawRef.current(instance, el.current.clientWidth);
  }, [data, el]);
}

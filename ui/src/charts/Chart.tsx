import { useEffect, useRef } from 'react';
import { ChartInstance, ChartOption, echarts } from './echarts';

interface Props {
  option: ChartOption;
  height: number;
  /** Called with the chart once it exists (to listen to its events); once per chart. */
  onReady?: (chart: ChartInstance) => void;
  testId?: string;
  /** Replace the option wholesale (new series), not merge into the previous one. */
  notMerge?: boolean;
}

/** One ECharts instance in a div: created once, its option updated in place, resized with the window. */
export function Chart({ option, height, onReady, testId, notMerge = true }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const ready = useRef(onReady);
  ready.current = onReady;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    ready.current?.(c);
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => { chart.current?.setOption(option, { notMerge }); }, [option, notMerge]);

  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}

// Bar charts with Chart.js, tree-shaken: only the pieces registered here are bundled.
// Loaded lazily (its own chunk) by the variable view.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LogarithmicScale,
  Tooltip,
} from "chart.js";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  Tooltip,
  Legend,
);

export interface Series {
  label: string;
  values: (number | null)[];
  /** Goals (statistic TARGET): drawn as hollow bars, apart from what was reached. */
  target?: boolean;
}

const TARGET_COLOR = "#6b3fa0";

const palette = ["#1f5fa8", "#b35900", "#0b5d4b", "#7a3e9d", "#b3261e", "#4d6b00", "#5c5c5c"];

export function drawBarChart(
  canvas: HTMLCanvasElement,
  data: {
    labels: string[];
    series: Series[];
    horizontal: boolean;
    log?: boolean;
    format: (value: number) => string;
    onClick?: (index: number) => void;
  },
): { destroy(): void } {
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.target ? "rgba(107, 63, 160, 0.12)" : palette[i % palette.length],
        borderColor: s.target ? TARGET_COLOR : undefined,
        borderWidth: s.target ? 2 : 0,
        borderRadius: 2,
      })),
    },
    options: {
      indexAxis: data.horizontal ? "y" : "x",
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: data.series.length > 1, position: "bottom" },
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = item.raw as number | null;
              return `${item.dataset.label ?? ""}: ${v === null ? "—" : data.format(v)}`;
            },
          },
        },
      },
      scales: {
        [data.horizontal ? "x" : "y"]: {
          type: data.log ? "logarithmic" : "linear",
          beginAtZero: !data.log,
          ticks: { callback: (v: string | number) => data.format(Number(v)) },
        },
        [data.horizontal ? "y" : "x"]: {
          ticks: {
            autoSkip: false,
            font: { size: 11 },
            // Long names are cut to fit narrow screens; the tooltip and the table have them whole.
            callback(value: string | number) {
              const label = String(this.getLabelForValue(Number(value)));
              const max = canvas.clientWidth < 560 ? 22 : 56;
              return label.length > max ? `${label.slice(0, max - 1)}…` : label;
            },
          },
        },
      },
      onClick: (_event, elements) => {
        const first = elements[0];
        if (first && data.onClick) data.onClick(first.index);
      },
    },
  });
  return { destroy: () => chart.destroy() };
}

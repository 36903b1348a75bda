// Apache ECharts, loaded with only the chart types the dashboard draws, and a
// function that makes a chart follow its container's size (phone and desktop alike)
// and disposes it when the view it belongs to is left.
import * as echarts from "echarts/core";
import { BarChart, LineChart, HeatmapChart, MapChart } from "echarts/charts";
import { GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, DataZoomComponent, MarkLineComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { h } from "./dom.js";

echarts.use([BarChart, LineChart, HeatmapChart, MapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };

export const PALETTE = ["#2f6db5", "#e2892f", "#3f9c6d", "#8a5fa8", "#c8504b", "#5f7282", "#b8a13a", "#3aa3b5"];

const BASE_OPTION = {
  color: PALETTE,
  textStyle: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
  animationDuration: 300,
};

// A card holding one chart; returns {element, chart}. `height` in pixels.
export function chartCard(title, { height = 280, note } = {}) {
  const canvasHolder = h("div", { class: "chart", style: `height:${height}px` });
  const element = h("section", { class: "card chart-card" }, title ? h("h3", {}, title) : null, canvasHolder, note ? h("p", { class: "note" }, note) : null);
  return { element, holder: canvasHolder };
}

// Draws `option` in `holder` (which must already be in the page) and keeps it sized to it.
export function drawChart(holder, option, view) {
  const chart = echarts.init(holder, null, { renderer: "canvas" });
  chart.setOption({ ...BASE_OPTION, ...option });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(holder);
  if (view) {
    view.onLeave(() => {
      observer.disconnect();
      chart.dispose();
    });
  }
  return chart;
}

// Category axis labels that stay readable on a phone.
export function categoryAxis(data, extra = {}) {
  return { type: "category", data, axisLabel: { hideOverlap: true }, axisTick: { alignWithLabel: true }, ...extra };
}

export function valueAxis(extra = {}) {
  return { type: "value", splitLine: { lineStyle: { color: "#e6e9ee" } }, ...extra };
}

export const GRID = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };

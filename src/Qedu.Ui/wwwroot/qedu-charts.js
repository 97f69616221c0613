// Draws every <div class="chart" data-chart="…"> on the page with Apache ECharts, loaded only when a page has a chart.
// The data attribute holds a ChartSpec (Qedu.Ui/Components/ChartSpec.cs); this file is the only place that knows ECharts.
// Plain script: pages are server-rendered; enhanced navigation runs no scripts, so charts are drawn again after it.
const library = new URL("./lib/echarts/echarts.common.min.js", import.meta.url).href;
let loading;

function load() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = library;
    script.onload = () => resolve(window.echarts);
    script.onerror = reject;
    document.head.appendChild(script);
  });
  return loading;
}

function options(spec) {
  const horizontal = !!spec.horizontal;
  const unit = spec.unit || "";
  // Names on the side of horizontal bars have room for a school's full name; under vertical bars they would be cut.
  const category = { type: "category", data: spec.categories, axisLabel: { interval: 0, hideOverlap: true, width: horizontal ? 180 : 96, overflow: horizontal ? "break" : "truncate" } };
  if (!horizontal && spec.kind === "bar" && spec.categories.length > 6) {
    category.axisLabel.rotate = 40;
  }
  const value = { type: "value", axisLabel: { formatter: (v) => `${v}${unit === "%" ? "%" : ""}` } };
  if (spec.whole) {
    value.minInterval = 1;
  }
  const series = spec.series.map((s, i) => ({
    name: s.name,
    type: spec.kind,
    data: s.values,
    connectNulls: false,
    label: { show: spec.kind === "bar" && spec.categories.length <= 12, position: horizontal ? "right" : "top" },
    markLine: i === 0 && spec.target != null ? {
      symbol: "none",
      lineStyle: { type: "dashed", color: "#c0392b" },
      label: { formatter: spec.targetLabel || String(spec.target), position: "insideEndTop" },
      data: [horizontal ? { xAxis: spec.target } : { yAxis: spec.target }],
    } : undefined,
  }));
  return {
    animation: false,
    color: ["#1f6feb", "#8250df", "#2da44e", "#bf8700"],
    tooltip: { trigger: "axis", valueFormatter: (v) => (v == null ? "—" : `${v}${unit}`) },
    legend: spec.series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: spec.series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series,
  };
}

async function draw() {
  const boxes = [...document.querySelectorAll("div.chart[data-chart]:not([data-drawn])")];
  if (boxes.length === 0) {
    return;
  }
  const echarts = await load();
  for (const box of boxes) {
    const spec = JSON.parse(box.dataset.chart);
    box.dataset.drawn = "true";
    const chart = echarts.init(box, null, { renderer: "svg" });
    chart.setOption(options(spec));
    if (spec.links) {
      chart.on("click", (e) => {
        const link = spec.links[e.dataIndex];
        if (link) {
          window.location.assign(link);
        }
      });
    }
    new ResizeObserver(() => chart.resize()).observe(box);
  }
}

draw();
window.Blazor?.addEventListener("enhancedload", draw);

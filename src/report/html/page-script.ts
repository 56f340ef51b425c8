/**
 * The page's chart code (plain ES2019, inline). It reads the JSON in `#chart-data`, draws the
 * equity and benchmark lines, the drawdown area and one candle chart with trade markers per
 * symbol into the `.chart` elements, then sets `window.__reportReady = true` and
 * `data-ready="true"` on `<body>` so a test can wait for the charts.
 */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var LC = window.LightweightCharts;
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var charts = [];
  // Explicit sizes (not autoSize) so fitContent sees the real width straight away.
  var options = {
    layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#1f2328', attributionLogo: true },
    grid: { vertLines: { color: '#eef1f4' }, horzLines: { color: '#eef1f4' } },
    rightPriceScale: { borderColor: '#d1d9e0' },
    timeScale: { borderColor: '#d1d9e0', timeVisible: data.intraday, secondsVisible: false, minBarSpacing: 0.01 }
  };
  function points(rows) {
    return rows.map(function (r) { return { time: r[0], value: r[1] }; });
  }
  function chartIn(id) {
    var el = document.getElementById(id);
    var chart = LC.createChart(el, Object.assign({ width: el.clientWidth, height: el.clientHeight }, options));
    charts.push({ el: el, chart: chart });
    return chart;
  }
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.chart.resize(c.el.clientWidth, c.el.clientHeight); });
  });
  var equity = chartIn('chart-equity');
  equity.addSeries(LC.LineSeries, { color: '#0969da', lineWidth: 2, title: 'Strategy' }).setData(points(data.equity));
  if (data.benchmark.length > 0) {
    // Its own (left) scale: a stock's buy-and-hold often grows many times more than a strategy and would flatten it.
    equity.applyOptions({ leftPriceScale: { visible: true, borderColor: '#d1d9e0' } });
    equity.addSeries(LC.LineSeries, { color: '#8c959f', lineWidth: 1, title: 'Buy & hold', priceScaleId: 'left' })
      .setData(points(data.benchmark));
  }
  equity.timeScale().fitContent();
  var drawdown = chartIn('chart-drawdown');
  drawdown.addSeries(LC.AreaSeries, {
    lineColor: '#cf222e', topColor: 'rgba(207,34,46,0.05)', bottomColor: 'rgba(207,34,46,0.45)', lineWidth: 1,
    invertFilledArea: true, priceFormat: { type: 'percent' }, title: 'Drawdown'
  }).setData(points(data.drawdown));
  drawdown.timeScale().fitContent();
  data.prices.forEach(function (p, i) {
    var chart = chartIn('chart-price-' + i);
    var candles = chart.addSeries(LC.CandlestickSeries, {
      upColor: '#1a7f37', downColor: '#cf222e', borderVisible: false, wickUpColor: '#1a7f37', wickDownColor: '#cf222e'
    });
    candles.setData(p.candles.map(function (c) {
      return { time: c[0], open: c[1], high: c[2], low: c[3], close: c[4] };
    }));
    LC.createSeriesMarkers(candles, p.markers);
    chart.timeScale().fitContent();
  });
  window.__reportReady = true;
  document.body.setAttribute('data-ready', 'true');
})();
`;

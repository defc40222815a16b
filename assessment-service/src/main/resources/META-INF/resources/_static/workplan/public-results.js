// The public results page's charts. A file of its own, not an inline script: the page's
// Content-Security-Policy runs scripts from this origin only.
  (function () {
    var data = JSON.parse(document.getElementById('chart-data').textContent);
    if (!window.echarts || !data.district) { return; }
    var charts = [];
    function bar(id, series) {
      var el = document.getElementById(id);
      if (!el) { return; }
      // SVG, so the figures are text in the page: readable by screen readers and by the browser test.
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: series.names, inverse: true },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
        series: [{ name: data.label, type: 'bar', data: series.values, itemStyle: { color: '#c8102e' },
                   label: { show: true, position: 'right', formatter: '{c}%' } }]
      });
      charts.push(chart);
    }
    bar('chart-district', data.district);
    bar('chart-industry', data.industry);
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    document.body.setAttribute('data-charts', String(charts.length));
  })();

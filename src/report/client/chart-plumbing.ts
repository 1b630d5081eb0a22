/**
 * Page script: `drawChart(name, box, config)` (a Chart.js chart on a fresh `canvas[data-chart=name]`,
 * replacing the one drawn before; no animation) and `intervalPlugin`, which draws each dataset's
 * `intervals[i]` (95% interval) as a whisker over horizontal bar i.
 */
export const CHART_PLUMBING = String.raw`
  // Draws each dataset's 95% interval (dataset.intervals[i] = [low, high]) as a whisker on its bar.
  var intervalPlugin = {
    id: 'evalforgeIntervals',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var scale = chart.scales.x;
      var area = chart.chartArea;
      chart.data.datasets.forEach(function (dataset, d) {
        if (!dataset.intervals || !chart.isDatasetVisible(d)) return;
        chart.getDatasetMeta(d).data.forEach(function (bar, i) {
          var interval = dataset.intervals[i];
          if (!interval) return;
          var low = Math.max(area.left, Math.min(area.right, scale.getPixelForValue(interval[0])));
          var high = Math.max(area.left, Math.min(area.right, scale.getPixelForValue(interval[1])));
          var half = Math.min(5, bar.height / 3);
          ctx.save();
          ctx.strokeStyle = '#1d2330';
          ctx.lineWidth = 1.2;
          ctx.beginPath();
          ctx.moveTo(low, bar.y); ctx.lineTo(high, bar.y);
          ctx.moveTo(low, bar.y - half); ctx.lineTo(low, bar.y + half);
          ctx.moveTo(high, bar.y - half); ctx.lineTo(high, bar.y + half);
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };

  var charts = {};
  function drawChart(name, box, config) {
    if (charts[name]) charts[name].destroy();
    box.textContent = '';
    var canvas = el('canvas', { 'data-chart': name, role: 'img', 'aria-label': name });
    box.appendChild(canvas);
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options);
    charts[name] = new Chart(canvas, config);
  }
`;

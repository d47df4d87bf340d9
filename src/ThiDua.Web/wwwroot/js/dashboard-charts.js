// The leaders' dashboard: one stacked bar per unit type with the number of units in each DTI band (data in data-chart).
document.querySelectorAll('canvas.dti-distribution').forEach(canvas => {
  const data = JSON.parse(canvas.dataset.chart);
  const colours = ['#198754', '#0d6efd', '#ffc107', '#dc3545', '#6c757d', '#6f42c1'];
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.bands.map((band, k) => ({ label: band, data: data.counts[k], backgroundColor: colours[k % colours.length] })),
    },
    options: {
      animation: false,
      indexAxis: 'y',
      locale: 'vi-VN',
      scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
    },
  });
});

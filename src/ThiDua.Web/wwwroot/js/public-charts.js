// Charts of the public portal (/cong-khai): the data is in each canvas's data-chart, drawn without animation so
// that a printed or captured page shows them whole.
(function () {
  document.querySelectorAll('canvas.distribution-chart').forEach(canvas => {
    const data = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: [{ label: data.label, data: data.counts, backgroundColor: 'rgba(13,110,253,.75)' }] },
      options: {
        animation: false, maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  });
  document.querySelectorAll('canvas.history-chart').forEach(canvas => {
    const data = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
      type: 'line',
      data: { labels: data.years, datasets: [{ label: data.label, data: data.scores, borderColor: '#0d6efd', backgroundColor: '#0d6efd', tension: 0 }] },
      options: {
        animation: false, maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { min: 0, max: 100 } },
      },
    });
  });
})();

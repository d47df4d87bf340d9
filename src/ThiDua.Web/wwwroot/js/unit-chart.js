// A unit's results page: its component indices against the cohort's average (data in the canvas's data-chart).
(function () {
  const canvas = document.getElementById('groups-chart');
  const data = JSON.parse(canvas.dataset.chart);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: data.labels, datasets: [
      { label: data.unit, data: data.unitValues, backgroundColor: 'rgba(13,110,253,.7)' },
      { label: 'Trung bình', data: data.averages, backgroundColor: 'rgba(108,117,125,.5)' } ] },
    options: { animation: false, scales: { y: { min: 0, max: 1 } }, locale: 'vi-VN' }
  });
})();

// Small charts of the targets pages: measured values (points) against the trajectory from the baseline to the goals.
document.querySelectorAll('canvas.target-chart').forEach(canvas => {
  const data = JSON.parse(canvas.dataset.chart);
  const years = data.measured.concat(data.trajectory).map(p => p.x);
  const xMin = Math.min(2021, ...years);
  const xMax = Math.max(2025, ...years);
  new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'Đo được', data: data.measured, borderColor: '#0d6efd', backgroundColor: '#0d6efd', showLine: true, tension: 0 },
        { label: 'Lộ trình', data: data.trajectory, borderColor: '#adb5bd', borderDash: [4, 4], pointRadius: 2, tension: 0 },
      ],
    },
    options: {
      animation: false,
      plugins: { legend: { display: canvas.dataset.legend === 'true' } },
      scales: {
        x: { type: 'linear', min: xMin, max: xMax, ticks: { stepSize: 1, callback: v => String(v) } },
        // A rank's axis shows whole ranks only.
        y: { reverse: data.reverse, ticks: data.wholeNumbers ? { precision: 0, stepSize: 1 } : {} },
      },
    },
  });
});

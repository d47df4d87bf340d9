// The running score of the self-assessment form: each box is read and scored by indicator-values.js, the same rules
// the server applies when the form is saved.
(function () {
  const rules = JSON.parse(document.getElementById('rules').dataset.rules);
  const fmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

  const current = rules.indicators.map(r => r.saved);
  function refresh() {
    const total = current.reduce((a, b) => a + b, 0);
    document.getElementById('running-total').textContent = fmt.format(total);
    document.getElementById('running-score').textContent = fmt.format(total / rules.scale * 100);
    const fraction = Math.round(total / rules.scale * 1e9) / 1e9;
    const band = rules.bands.find(b => fraction >= b.min - 1e-9);
    const badge = document.getElementById('running-band');
    badge.textContent = band ? band.name : '';
    badge.className = 'badge band ' + (band ? band.css : 'band-none');
  }

  document.querySelectorAll('.score-input').forEach(input => {
    const i = Number(input.dataset.i);
    const indicator = rules.indicators[i];
    const update = () => {
      current[i] = ThiDuaValues.score(indicator.rule, indicator.maxPoints, input.value, indicator.percentBox);
      document.getElementById('points-' + i).textContent = fmt.format(current[i]);
      refresh();
    };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
  });
  refresh();
})();

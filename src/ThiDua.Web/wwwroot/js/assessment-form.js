// The running score of the self-assessment form: the same rules as ThiDua.Core's CompiledFramework, in the browser.
(function () {
  const rules = JSON.parse(document.getElementById('rules').textContent);
  const fmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

  function number(text) {
    const t = (text || '').trim().replace(',', '.');
    if (t === '') return NaN;
    const n = Number(t.replace(/%$/, ''));
    return Number.isFinite(n) ? n : NaN;
  }

  function points(rule, text) {
    const t = (text || '').trim();
    if (t === '') return 0;
    const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
    switch (rule.kind) {
      case 'boolean': return t === 'true' ? rule.max : 0;
      case 'choice': return rule.options && t in rule.options ? rule.options[t] : 0;
      case 'ratio': {
        const parts = t.split('/');
        const fraction = parts.length === 2 ? number(parts[0]) / number(parts[1]) : number(t) / 100;
        return Number.isFinite(fraction) ? clamp(fraction, 0, 1) * rule.max : 0;
      }
      case 'index': { const x = number(t); return Number.isFinite(x) ? clamp(x, 0, 1) * rule.max : 0; }
      case 'manual': { const x = number(t); return Number.isFinite(x) ? clamp(x, 0, rule.max) : 0; }
      case 'goalposts': {
        const x = number(t);
        if (!Number.isFinite(x)) return 0;
        const f = rule.down ? (rule.high - x) / (rule.high - rule.low) : (x - rule.low) / (rule.high - rule.low);
        return clamp(f, 0, 1) * rule.max;
      }
      case 'steps': {
        const x = number(t);
        let p = 0;
        if (Number.isFinite(x)) for (const [min, pts] of rule.steps) if (min <= x + 1e-9) p = pts;
        return p;
      }
      default: return 0;
    }
  }

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
    const update = () => {
      current[i] = points(rules.indicators[i], input.value);
      document.getElementById('points-' + i).textContent = fmt.format(current[i]);
      refresh();
    };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
  });
  refresh();
})();

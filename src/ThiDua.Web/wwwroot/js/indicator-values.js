// How the browser reads and scores what a person types for an indicator: the same rules as ThiDua.Core's
// IndicatorText (text → value) and CompiledFramework (value → points). tests/vectors/indicator-values.json holds the
// cases both are tested against (IndicatorTextVectorTests in C#, IndicatorValuesScriptTests in Chromium).
// A rule is the API's: { kind, steps: [{min, points}], low, high, direction, options: [{code, points}] }.
(function (global) {
  'use strict';
  const TOLERANCE = 1e-9;

  // "75,5" and "75.5" are 75.5; one mark repeated groups thousands ("1.234.567"); with both marks the last is the
  // decimal one ("1.234,5", "1,234.5"); spaces inside group thousands ("1 250").
  function number(text) {
    let t = String(text).trim().replace(/[ \u00A0\u202F]/g, '');
    if (t === '') return NaN;
    const dots = (t.match(/\./g) || []).length;
    const commas = (t.match(/,/g) || []).length;
    if (dots > 0 && commas > 0) {
      const decimalMark = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
      const group = decimalMark === ',' ? '.' : ',';
      if ((t.split(decimalMark).length - 1) > 1) return NaN;
      t = t.split(group).join('').replace(decimalMark, '.');
    } else if (dots > 1 || commas > 1) {
      t = t.replace(/[.,]/g, '');
    } else {
      t = t.replace(',', '.');
    }
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  }

  function stripPercent(text) {
    const t = text.trimEnd();
    return t.endsWith('%') ? { text: t.slice(0, -1), percent: true } : { text: t, percent: false };
  }

  const fail = message => ({ error: message });

  // The raw value of what was typed ({ raw }, NaN when empty) or why it cannot be read ({ error }).
  function read(rule, maxPoints, text, percentBox) {
    const t = String(text ?? '').trim().normalize('NFC');
    if (t === '') return { raw: NaN };
    switch (rule.kind) {
      case 'boolean': {
        const v = t.toLowerCase();
        if (['true', 'có', 'co', '1'].includes(v)) return { raw: 1 };
        if (['false', 'không', 'khong', '0'].includes(v)) return { raw: 0 };
        return fail('cần Có hoặc Không.');
      }
      case 'choice': {
        const i = (rule.options || []).findIndex(o => o.code.trim().toLowerCase() === t.toLowerCase());
        return i >= 0 ? { raw: i } : fail('lựa chọn không có.');
      }
      case 'ratio': {
        const parts = t.split('/');
        if (parts.length === 2) {
          const n = number(parts[0]);
          const d = number(parts[1]);
          if (!Number.isFinite(n) || !Number.isFinite(d)) return fail('cần tỷ lệ dạng tử số/mẫu số, ví dụ 3/4.');
          if (d <= 0 || n < 0) return fail('tử số không được âm và mẫu số phải lớn hơn 0.');
          return { raw: n / d };
        }
        const p = stripPercent(t);
        const x = number(p.text);
        if (!Number.isFinite(x)) return fail('cần một số.');
        const fraction = p.percent || percentBox ? x / 100 : x;
        if (fraction < 0) return fail('tỷ lệ không được âm.');
        if (fraction > 1 + TOLERANCE) return fail('tỷ lệ là số từ 0 đến 1; phần trăm phải ghi kèm dấu %.');
        return { raw: fraction };
      }
      case 'index': {
        const p = stripPercent(t);
        const x = number(p.text);
        if (!Number.isFinite(x)) return fail('cần một số.');
        const value = p.percent ? x / 100 : x;
        return value < 0 || value > 1 ? fail('chỉ số phải từ 0 đến 1.') : { raw: value };
      }
      case 'manual': {
        const x = number(stripPercent(t).text);
        if (!Number.isFinite(x)) return fail('cần một số.');
        return x < 0 || x > maxPoints + TOLERANCE ? fail('điểm vượt khung.') : { raw: x };
      }
      case 'steps':
      case 'goalposts': {
        const x = number(stripPercent(t).text);
        return Number.isFinite(x) ? { raw: x } : fail('cần một số.');
      }
      default:
        return fail('quy tắc không xác định.');
    }
  }

  // Points of a raw value; missing (NaN) scores 0.
  function points(rule, maxPoints, raw) {
    if (Number.isNaN(raw)) return 0;
    const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
    switch (rule.kind) {
      case 'boolean': return raw >= 0.5 ? maxPoints : 0;
      case 'ratio':
      case 'index': return clamp(raw, 0, 1) * maxPoints;
      case 'manual': return clamp(raw, 0, maxPoints);
      case 'goalposts': {
        const fraction = rule.direction === 'down' ? (rule.high - raw) / (rule.high - rule.low) : (raw - rule.low) / (rule.high - rule.low);
        return clamp(fraction, 0, 1) * maxPoints;
      }
      case 'steps': {
        let p = 0;
        for (const step of [...(rule.steps || [])].sort((a, b) => a.min - b.min)) {
          if (step.min <= raw + TOLERANCE) p = step.points;
        }
        return p;
      }
      case 'choice': {
        const option = (rule.options || [])[Math.trunc(raw)];
        return option ? option.points : 0;
      }
      default: return 0;
    }
  }

  // The points of typed text: 0 when it is empty or cannot be read.
  function score(rule, maxPoints, text, percentBox) {
    const value = read(rule, maxPoints, text, percentBox);
    return value.error ? 0 : points(rule, maxPoints, value.raw);
  }

  global.ThiDuaValues = { number, read, points, score };
})(window);

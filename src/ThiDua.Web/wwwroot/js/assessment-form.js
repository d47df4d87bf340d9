// The self-assessment form. The running score: each box is read and scored by indicator-values.js, the same rules
// the server applies when the form is saved. Nothing typed is lost: evidence is uploaded without leaving the page,
// the draft is saved automatically while the person types (never over a newer version), what was typed is kept in
// sessionStorage until it is saved, and leaving with unsaved changes asks first. On a phone the indicator groups
// fold and a button jumps to the next indicator still empty or flagged.
(function () {
  const rules = JSON.parse(document.getElementById('rules').dataset.rules);
  const fmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  const form = document.getElementById('assessment-form');

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

  if (!form || form.dataset.canEdit !== 'true') {
    return;
  }

  const versionBox = form.querySelector('input[name="version"]');
  const token = form.querySelector('input[name="__RequestVerificationToken"]');
  const status = document.getElementById('autosave-status');
  const message = document.getElementById('form-message');
  const storageKey = 'thidua-assessment:' + location.pathname;
  const AUTOSAVE_MS = 30000;

  function say(text, kind) {
    message.textContent = text;
    message.className = 'alert alert-' + kind;
  }

  // The boxes a person types in (not the files, the version or the token).
  function fields() {
    return Array.from(form.elements).filter(e => e.name && /^[vnr]\d+$/.test(e.name));
  }

  // --- Unsaved changes: dirty flag, sessionStorage copy, warning before leaving ---------------------------------
  let dirty = false;
  let edits = 0; // counts changes, so a save that ran while the person typed does not mark the newer text saved
  let submitting = false;
  let conflict = false;

  function remember() {
    const values = {};
    fields().forEach(e => { values[e.name] = e.value; });
    try {
      sessionStorage.setItem(storageKey, JSON.stringify({ version: versionBox.value, values }));
    } catch (e) {
      // Storage full or refused: the warning before leaving and the autosave still protect the values.
    }
  }

  function forget() {
    try { sessionStorage.removeItem(storageKey); } catch (e) { /* nothing stored */ }
  }

  function markDirty() {
    dirty = true;
    edits++;
    remember();
    if (!conflict) {
      status.textContent = 'Có thay đổi chưa lưu';
    }
  }

  // Values typed but not saved before the page was left or reloaded come back, if nobody saved since.
  (function restore() {
    let stored = null;
    try { stored = JSON.parse(sessionStorage.getItem(storageKey) || 'null'); } catch (e) { stored = null; }
    if (!stored) {
      return;
    }
    if (stored.version !== versionBox.value) {
      forget();
      return;
    }
    let restored = 0;
    fields().forEach(e => {
      if (Object.prototype.hasOwnProperty.call(stored.values, e.name) && stored.values[e.name] !== e.value) {
        e.value = stored.values[e.name];
        e.dispatchEvent(new Event('input', { bubbles: true }));
        restored++;
      }
    });
    if (restored > 0) {
      say('Đã khôi phục ' + restored + ' giá trị bạn đã nhập nhưng chưa lưu. Hãy bấm "Lưu nháp" để lưu.', 'info');
      markDirty();
    }
  })();

  form.addEventListener('input', event => {
    if (event.target.type !== 'file') {
      markDirty();
    }
  });
  form.addEventListener('change', event => {
    if (event.target.type !== 'file' && event.target.tagName === 'SELECT') {
      markDirty();
    }
  });
  // A submit while an autosave or an upload is under way waits for it, so it carries the version that one produced.
  let pendingSubmitter = null;
  form.addEventListener('submit', event => {
    if (busy > 0) {
      event.preventDefault();
      pendingSubmitter = event.submitter || null;
      return;
    }
    submitting = true;
  });
  window.addEventListener('beforeunload', event => {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // Autosaves and uploads run one at a time: each moves the version the next one must send.
  let busy = 0;
  let queue = Promise.resolve();
  function serial(work) {
    busy++;
    queue = queue.then(work).catch(() => {}).finally(() => {
      busy--;
      if (busy === 0 && pendingSubmitter !== null) {
        const submitter = pendingSubmitter;
        pendingSubmitter = null;
        form.requestSubmit(submitter);
      }
    });
    return queue;
  }

  // --- Autosave ---------------------------------------------------------------------------------------------------
  function autosave() {
    if (!dirty || conflict || submitting || busy > 0) {
      return;
    }
    serial(saveDraft);
  }
  async function saveDraft() {
    if (!dirty || conflict || submitting) {
      return;
    }
    const startedAt = edits;
    const data = new FormData(form);
    for (const [key, value] of Array.from(data.entries())) {
      if (value instanceof File) {
        data.delete(key);
      }
    }
    status.textContent = 'Đang lưu nháp…';
    try {
      const response = await fetch(location.pathname + '?handler=Autosave', {
        method: 'POST',
        body: data,
        headers: { Accept: 'application/json', RequestVerificationToken: token ? token.value : '' },
        credentials: 'same-origin',
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        versionBox.value = String(body.version);
        status.textContent = 'Đã lưu nháp lúc ' + body.savedAt;
        if (edits === startedAt) {
          dirty = false;
          forget();
        } else {
          remember();
        }
      } else if (response.status === 409) {
        conflict = true;
        status.textContent = 'Chưa lưu: có phiên bản mới hơn';
        say(body.message || 'Đánh giá đã được lưu ở nơi khác với phiên bản mới hơn; giá trị của bạn chưa được lưu tự động.', 'warning');
      } else {
        status.textContent = 'Chưa lưu tự động';
        say('Chưa lưu tự động: ' + (body.message || 'máy chủ từ chối bản nháp.'), 'danger');
      }
    } catch (e) {
      status.textContent = 'Chưa lưu tự động (mất kết nối)';
    }
  }
  setInterval(autosave, AUTOSAVE_MS);
  form.addEventListener('focusout', event => {
    // Not when the focus goes to a button of the form: that button saves or uploads itself.
    const next = event.relatedTarget;
    const toButton = next && next.tagName === 'BUTTON' && (next.form === form || next.closest('.sticky-score'));
    if (event.target.name && /^[vnr]\d+$/.test(event.target.name) && !toButton) {
      autosave();
    }
  });

  // --- Evidence uploaded without leaving the form -----------------------------------------------------------------
  form.addEventListener('click', async event => {
    const button = event.target.closest('.evidence-upload');
    if (!button) {
      return;
    }
    event.preventDefault();
    const i = button.dataset.i;
    const input = form.querySelector('input[type="file"][name="f' + i + '"]');
    if (!input || input.files.length === 0) {
      say('Hãy chọn tệp minh chứng trước khi bấm tải lên.', 'warning');
      input && input.focus();
      return;
    }
    button.disabled = true;
    serial(() => upload(button, input, i));
  });

  async function upload(button, input, i) {
    const data = new FormData();
    data.append('f' + i, input.files[0]);
    if (token) {
      data.append('__RequestVerificationToken', token.value);
    }
    try {
      const response = await fetch(button.formAction, {
        method: 'POST',
        body: data,
        headers: { Accept: 'application/json', RequestVerificationToken: token ? token.value : '' },
        credentials: 'same-origin',
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        say(body.message || 'Không tải lên được tệp minh chứng.', 'danger');
        return;
      }
      const line = document.createElement('div');
      const link = document.createElement('a');
      link.href = '/api/v1/files/' + body.file.id;
      const clip = document.createElement('i');
      clip.className = 'bi bi-paperclip';
      link.append(clip, ' ' + body.file.name);
      const size = document.createElement('span');
      size.className = 'text-muted';
      size.textContent = '(' + body.file.size + ')';
      line.append(link, ' ', size);
      document.getElementById('evidence-list-' + i).append(line);
      input.value = '';
      // The upload moved the assessment's version; the form follows it when nobody else saved in between.
      if (String(body.previousVersion) === versionBox.value) {
        versionBox.value = String(body.version);
        if (dirty) {
          remember();
        }
      }
      say(body.message, 'success');
    } catch (e) {
      say('Không tải lên được tệp minh chứng (mất kết nối). Giá trị đã nhập vẫn còn trên trang.', 'danger');
    } finally {
      button.disabled = false;
    }
  }

  // --- Groups: filled counts, folding on a phone, jump to the next empty or flagged indicator ----------------------
  const rows = Array.from(form.querySelectorAll('.indicator-row'));
  function isFilled(row) {
    const box = row.querySelector('.score-input');
    return box ? box.value.trim() !== '' : row.dataset.filled === 'true';
  }
  function countGroup(group) {
    const filled = Array.from(group.querySelectorAll('.indicator-row')).filter(isFilled).length;
    group.querySelector('.group-filled').textContent = String(filled);
  }
  form.addEventListener('input', event => {
    const group = event.target.closest('.indicator-group');
    if (group) {
      countGroup(group);
    }
  });
  form.addEventListener('change', event => {
    const group = event.target.closest('.indicator-group');
    if (group) {
      countGroup(group);
    }
  });

  form.querySelectorAll('.indicator-group').forEach(countGroup);

  const needsWork = row => !isFilled(row) || row.dataset.flagged === 'true';
  if (window.matchMedia('(max-width: 575.98px)').matches) {
    // Only the first group with work left stays open; the others fold to their summary line.
    const firstOpen = rows.find(needsWork);
    form.querySelectorAll('.indicator-group').forEach(group => {
      group.open = firstOpen ? group.contains(firstOpen) : false;
    });
  }

  const jump = document.getElementById('jump-next');
  if (jump) {
    jump.hidden = false;
    let last = -1;
    jump.addEventListener('click', () => {
      const candidates = rows.filter(needsWork);
      if (candidates.length === 0) {
        say('Mọi chỉ tiêu đã có giá trị và không còn chỉ tiêu bị đánh dấu.', 'success');
        return;
      }
      const next = candidates.find(r => Number(r.dataset.i) > last) || candidates[0];
      last = Number(next.dataset.i);
      const group = next.closest('details');
      if (group) {
        group.open = true;
      }
      next.scrollIntoView({ block: 'center', behavior: 'instant' });
      const box = next.querySelector('.score-input, textarea');
      if (box) {
        box.focus({ preventScroll: true });
      }
    });
  }
})();

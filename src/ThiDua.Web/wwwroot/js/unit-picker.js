// Unit pickers (Features/Shared/_UnitPicker.cshtml): the server renders a <select multiple> of units by name that
// posts their codes; here it becomes a search box — "bai chay" finds "Phường Bãi Cháy" — over a list of checkboxes,
// with the chosen units shown above. The select stays in the form (hidden) and still carries the codes.
(function () {
  const fold = text => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

  document.querySelectorAll('[data-unit-picker]').forEach(root => {
    const select = root.querySelector('select');
    const label = root.querySelector('label');
    const hint = root.querySelector('.unit-picker-hint');
    const name = label.textContent.trim();

    const search = document.createElement('input');
    search.type = 'search';
    search.className = 'form-control form-control-sm mb-1';
    search.id = select.id + '-tim';
    search.placeholder = 'Gõ tên đơn vị để tìm (gõ không dấu cũng được)';
    search.autocomplete = 'off';
    label.htmlFor = search.id;

    const chosen = document.createElement('div');
    chosen.className = 'unit-picker-chosen';
    chosen.setAttribute('aria-live', 'polite');

    const count = document.createElement('div');
    count.className = 'form-text mt-0 mb-1';
    count.setAttribute('aria-live', 'polite');

    const list = document.createElement('div');
    list.className = 'unit-picker-list';
    list.setAttribute('role', 'group');
    list.setAttribute('aria-label', name + ' (danh sách)');

    const items = Array.from(select.options).map((option, n) => {
      const row = document.createElement('div');
      row.className = 'form-check';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.className = 'form-check-input';
      box.id = select.id + '-' + n;
      box.checked = option.selected;
      const text = document.createElement('label');
      text.className = 'form-check-label';
      text.htmlFor = box.id;
      text.textContent = option.text;
      row.append(box, text);
      list.append(row);
      box.addEventListener('change', () => {
        option.selected = box.checked;
        showChosen();
      });
      return { option, box, row, key: fold(option.text + ' ' + option.value) };
    });

    function showChosen() {
      chosen.replaceChildren();
      items.filter(item => item.option.selected).forEach(item => {
        const chip = document.createElement('span');
        chip.className = 'badge text-bg-light border';
        chip.textContent = item.option.text;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn-close';
        remove.setAttribute('aria-label', 'Bỏ chọn ' + item.option.text);
        remove.addEventListener('click', () => {
          item.option.selected = false;
          item.box.checked = false;
          showChosen();
          search.focus();
        });
        chip.append(remove);
        chosen.append(chip);
      });
    }

    function filter() {
      const words = fold(search.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      items.forEach(item => {
        const match = words.every(w => item.key.includes(w));
        item.row.hidden = !match;
        shown += match ? 1 : 0;
      });
      count.textContent = words.length === 0 ? items.length + ' đơn vị' : shown + ' đơn vị phù hợp';
      return items.filter(item => !item.row.hidden);
    }

    search.addEventListener('input', filter);
    // Enter in the search box does not submit the form; with a single match it ticks that unit (never unticks).
    search.addEventListener('keydown', event => {
      if (event.key === 'Enter') {
        event.preventDefault();
        const matches = filter();
        if (matches.length === 1 && !matches[0].box.checked) {
          matches[0].box.checked = true;
          matches[0].box.dispatchEvent(new Event('change'));
        }
      }
    });

    select.hidden = true;
    if (hint) {
      hint.hidden = true;
    }
    select.after(chosen, search, count, list);
    showChosen();
    filter();
  });
})();

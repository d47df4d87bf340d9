// Behaviour every page may declare with data-* attributes. The Content-Security-Policy refuses inline scripts, event
// handlers (onclick=…) and style attributes, so what they did is done here.
(function () {
  document.addEventListener('click', event => {
    // data-confirm="question": the button acts only when the user agrees.
    const confirmed = event.target.closest('[data-confirm]');
    if (confirmed && !window.confirm(confirmed.dataset.confirm)) {
      event.preventDefault();
    }
    // data-history-back: the error page's "back" link.
    if (event.target.closest('[data-history-back]')) {
      event.preventDefault();
      history.back();
    }
  });

  // Sizes computed on the server (a phase's share of the movement, a registration rate). Assigning them through the
  // CSSOM from this file is allowed by style-src 'self'; a style="…" attribute is not.
  document.querySelectorAll('[data-width-percent]').forEach(element => {
    element.style.width = element.dataset.widthPercent + '%';
  });
  document.querySelectorAll('[data-left-percent]').forEach(element => {
    element.style.left = element.dataset.leftPercent + '%';
  });
})();

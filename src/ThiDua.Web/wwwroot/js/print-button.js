// A button that prints the page (the CSP forbids an inline onclick).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));

// Each tab's error badge counts the errors inside that tab. Wagtail counts them when the tabs
// connect, but StreamField draws its blocks (and their errors) in the browser afterwards, so an
// error inside a block never reached the badge (wagtail/wagtail#12823). Count again once the
// blocks are drawn; Wagtail's own counter does the counting.
(() => {
  const recount = () => {
    const app = window.wagtail && window.wagtail.app;
    if (!app) return;
    document.querySelectorAll('[data-controller~="w-count"]').forEach((element) => {
      const counter = app.getControllerForElementAndIdentifier(element, 'w-count');
      if (counter) counter.count();
    });
  };
  // After Stimulus has connected every controller, StreamField's included.
  window.addEventListener('load', () => window.setTimeout(recount));
})();

// Draftail's editable area (role=textbox) has no accessible name: the field's label points at
// a hidden input. Name each one after its field's label, also in blocks added later.
(() => {
  let labels = 0;
  const name = (root) => {
    root.querySelectorAll('[contenteditable="true"][role="textbox"]').forEach((box) => {
      if (box.hasAttribute('aria-label') || box.hasAttribute('aria-labelledby')) return;
      const field = box.closest('[data-field]');
      const label = field && field.querySelector('label, .w-field__label');
      if (label) {
        if (!label.id) {
          labels += 1;
          label.id = `editorial-rich-text-label-${labels}`;
        }
        box.setAttribute('aria-labelledby', label.id);
        return;
      }
      // A block with one rich-text field has no field label: its panel's heading names it.
      const panel = box.closest('[aria-labelledby]');
      if (panel) box.setAttribute('aria-labelledby', panel.getAttribute('aria-labelledby'));
    });
  };
  const start = () => {
    name(document);
    new MutationObserver(() => name(document)).observe(document.body, {
      childList: true,
      subtree: true,
    });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

// wagtail-localize's translation editor (a React app in .js-translation-editor) has no h1, and
// its PO file upload has no label (axe: page-has-heading-one, label). Name both; the page's
// title ("Translation of … into …") is the heading.
(() => {
  const fix = () => {
    const editor = document.querySelector('.js-translation-editor');
    if (!editor) return;
    if (!document.querySelector('h1')) {
      const heading = document.createElement('h1');
      heading.className = 'w-sr-only';
      heading.dataset.translationEditorHeading = '';
      heading.textContent = document.title.split(' - ')[0];
      editor.before(heading);
    }
    editor.querySelectorAll('input[type="file"]').forEach((input) => {
      if (input.labels.length || input.hasAttribute('aria-label')) return;
      input.setAttribute('aria-label', 'Translated PO file to upload');
    });
  };
  const start = () => {
    if (!document.querySelector('.js-translation-editor')) return;
    fix();
    new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

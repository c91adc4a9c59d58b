// A statistic's reference: a select of the article's own references (articles/widgets.py).
//
// The options are the References tab's keys and titles as they stand in the same form, not as
// saved: a reference added, renamed, moved or deleted there shows in every statistic's list at
// once. The value is the reference's key, as before the chooser. A key that no reference has
// (typed before the chooser, or its reference deleted) stays chosen and is marked, so that
// nothing is lost and the server's error says what to do.
(() => {
  const SELECTOR = 'select[data-reference-chooser]';
  const KEY_INPUT = 'input[name^="references-"][name$="-key"]:not([name*="__prefix__"])';

  // The references in the form, in their order: {key, title, input}.
  const currentReferences = () =>
    Array.from(document.querySelectorAll(KEY_INPUT))
      .filter((input) => {
        const prefix = input.name.slice(0, -'-key'.length);
        const deleted = document.querySelector(`input[name="${prefix}-DELETE"]`);
        return !(deleted && deleted.value === '1') && input.value.trim();
      })
      .map((input) => {
        const prefix = input.name.slice(0, -'-key'.length);
        const title = document.querySelector(`[name="${prefix}-title"]`);
        return { key: input.value.trim(), title: title ? title.value.trim() : '', input };
      });

  const option = (value, text) => {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = text;
    return element;
  };

  const shorten = (text, length = 80) =>
    text.length > length ? `${text.slice(0, length - 1)}…` : text;

  // Draw a select's options; `chosen` is the key to keep selected (its current value if omitted).
  const fill = (select, chosen, references = currentReferences()) => {
    let value = chosen === undefined ? select.value : chosen;
    // A reference renamed under References keeps its statistics.
    const followed = select.referenceInput;
    if (chosen === undefined && followed && followed.isConnected) {
      const reference = references.find((item) => item.input === followed);
      if (reference) value = reference.key;
    }
    const options = [
      option('', references.length ? select.dataset.placeholder : select.dataset.noReferences),
    ];
    const seen = new Set();
    references.forEach(({ key, title }) => {
      if (seen.has(key)) return;
      seen.add(key);
      options.push(option(key, title ? `${key} — ${shorten(title)}` : key));
    });
    if (value && !seen.has(value)) {
      options.push(option(value, `${value} ${select.dataset.notListed}`));
    }
    select.replaceChildren(...options);
    select.value = value || '';
    const reference = references.find((item) => item.key === select.value);
    select.referenceInput = reference ? reference.input : null;
  };

  const refreshAll = () => {
    const references = currentReferences();
    document.querySelectorAll(SELECTOR).forEach((select) => fill(select, undefined, references));
  };

  let pending = null;
  const refreshSoon = () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(refreshAll, 50);
  };

  document.addEventListener('input', (event) => {
    if (event.target.matches && event.target.matches('[name^="references-"]')) refreshSoon();
  });
  document.addEventListener('change', (event) => {
    if (event.target.matches && event.target.matches(SELECTOR)) {
      fill(event.target, event.target.value);
    } else if (event.target.matches && event.target.matches('[name^="references-"]')) {
      refreshSoon();
    }
  });
  ['w-formset:added', 'w-formset:removed'].forEach((name) =>
    document.addEventListener(name, refreshSoon),
  );
  // Moving a reference up or down changes the order of the options.
  document.addEventListener('click', (event) => {
    if (event.target.closest && event.target.closest('[data-inline-panel-child-move-up], [data-inline-panel-child-move-down]')) {
      refreshSoon();
    }
  });
  document.addEventListener('focusin', (event) => {
    if (event.target.matches && event.target.matches(SELECTOR)) fill(event.target);
  });

  // The StreamField block widget (telepath): Wagtail's widget, with the options filled in after
  // it is drawn and whenever its state is set (a block duplicated, a value restored).
  const register = () => {
    const Widget = window.telepath && window.telepath.constructors['wagtail.widgets.Widget'];
    if (!Widget) return false;
    // The server gives a select's state as a list of values (Django's Select.format_value).
    const key = (state) => (Array.isArray(state) ? state[0] : state) || '';
    class ReferenceSelect extends Widget {
      render(placeholder, name, id, initialState, parentCapabilities, options) {
        const bound = super.render(placeholder, name, id, initialState, parentCapabilities, options);
        fill(bound.input, key(initialState));
        bound.setState = (state) => fill(bound.input, key(state));
        bound.getValueForLabel = () => bound.input.value;
        return bound;
      }
    }
    window.telepath.register('articles.widgets.ReferenceSelect', ReferenceSelect);
    return true;
  };
  if (!register()) {
    // Loaded before Wagtail's telepath widgets: register once they are there.
    document.addEventListener('DOMContentLoaded', register);
  }
})();

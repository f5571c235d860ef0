// Autocomplete for the search box (ARIA 1.2 combobox with a list box), fed by api/suggest.
import { getJson } from './api.js';
import { el } from './dom.js';

const DELAY_MS = 150;

const KIND_LABELS = { title: 'report', theme: 'theme', phrase: 'phrase' };

/** Wires the combobox; `onPick(suggestion)` runs the search for the chosen {text, kind, value}. */
export function setupSuggest(input, list, onPick) {
  let timer = 0;
  let seq = 0;
  let active = -1;
  let items = [];

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    items = [];
    active = -1;
  };

  const highlight = (index) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', list.children[index].id);
    else input.removeAttribute('aria-activedescendant');
  };

  const pick = (suggestion) => {
    close();
    onPick(suggestion);
  };

  const show = (suggestions) => {
    items = suggestions;
    if (!items.length) {
      close();
      return;
    }
    list.replaceChildren(...items.map((s, i) => el('li', {
      id: 'suggestion-' + i, role: 'option', 'aria-selected': 'false',
      onmousedown: (e) => e.preventDefault(),
      onclick: () => pick(s),
    }, s.text, s.kind ? el('span', { class: 'suggestion-kind' }, KIND_LABELS[s.kind] || s.kind) : null)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const answer = await getJson('suggest', new URLSearchParams({ q: text }));
        if (mine === seq && document.activeElement === input) show(normalise(answer));
      } catch {
        close();
      }
    }, DELAY_MS);
  });

  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      // Cycles through the options and back to the typed text (-1).
      const next = active + (e.key === 'ArrowDown' ? 1 : -1);
      highlight(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
  return { close };
}

function normalise(answer) {
  return (answer.suggestions || []).slice(0, 8).filter((s) => s && s.text);
}

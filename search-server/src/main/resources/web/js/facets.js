// The filter panel: one group of checkboxes per facet, with counts that ignore the facet's own filter
// (so several values of one facet can be ticked), and the year as a small clickable bar chart.
import { el } from './dom.js';
import { labelFor } from './labels.js';
import { FACETS } from './state.js';

const SHOWN = 6;
const expanded = new Set();

/**
 * Renders the panel. `valueCounts` says how many values a facet has when the server listed only the most
 * frequent. `onToggle(name, value, checked)` changes one filter; `onYears(values)` replaces the year filter (a
 * list of years or one "from-to" range).
 */
export function renderFacets(panel, facets, valueCounts, state, { onToggle, onYears }) {
  const focusKey = document.activeElement && panel.contains(document.activeElement)
    ? document.activeElement.dataset.key : null;
  const groups = [];
  for (const [name, heading] of FACETS) {
    const selected = state.filters[name] || [];
    const values = [...(facets[name] || [])];
    if (name === 'year') {
      if (values.length || selected.length) groups.push(yearFacet(values, selected, onYears));
      continue;
    }
    for (const v of selected) {
      if (!values.some((x) => x.value === v)) values.push({ value: v, label: labelFor(name, v), count: 0 });
    }
    if (!values.length) continue;
    groups.push(checkboxFacet(name, heading, values, valueCounts[name] || values.length, selected, onToggle));
  }
  panel.replaceChildren(el('h2', { class: 'facets-title' }, 'Filters'), ...groups);
  if (focusKey) {
    const again = [...panel.querySelectorAll('[data-key]')].find((n) => n.dataset.key === focusKey);
    if (again) again.focus();
  }
}

function checkboxFacet(name, heading, values, total, selected, onToggle) {
  const open = expanded.has(name);
  const shown = open ? values : values.filter((v, i) => i < SHOWN || selected.includes(v.value));
  const items = shown.map((v) => {
    const id = `f-${name}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const checked = selected.includes(v.value);
    const box = el('input', {
      type: 'checkbox', id, name, value: v.value, checked, 'data-key': `${name}:${v.value}`,
      onchange: (e) => onToggle(name, v.value, e.target.checked),
    });
    return el('li', { class: 'facet-value' + (v.count === 0 ? ' zero' : '') },
      box,
      el('label', { for: id }, el('span', { class: 'facet-label' }, labelFor(name, v.value)),
        el('span', { class: 'count' }, String(v.count), el('span', { class: 'visually-hidden' }, ' passages'))));
  });
  const children = [el('legend', {}, heading), el('ul', { class: 'facet-values' }, items)];
  if (values.length > SHOWN) {
    children.push(el('button', {
      type: 'button', class: 'link-button', 'data-key': `${name}:more`, 'aria-expanded': String(open),
      onclick: (e) => {
        if (open) expanded.delete(name);
        else expanded.add(name);
        const fieldset = e.target.closest('fieldset');
        fieldset.replaceWith(checkboxFacet(name, heading, values, total, selected, onToggle));
        document.querySelector(`[data-key="${CSS.escape(name)}:more"]`)?.focus();
      },
    }, open ? 'Show fewer' : total > values.length ? `Show top ${values.length} of ${total}` : `Show all ${values.length}`));
  }
  return el('fieldset', { class: 'facet', 'data-facet': name }, ...children);
}

/** Years between the first and last present, so gaps show as empty bars. */
function yearRange(values, selected) {
  const years = values.map((v) => Number(v.value)).filter(Number.isFinite);
  for (const s of selected) for (const y of String(s).split('-')) if (Number(y)) years.push(Number(y));
  if (!years.length) return [];
  const counts = new Map(values.map((v) => [Number(v.value), v.count]));
  const out = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push({ year: y, count: counts.get(y) || 0 });
  return out;
}

function isSelected(year, selected) {
  return selected.some((s) => {
    const [from, to] = String(s).split('-').map(Number);
    return to ? year >= from && year <= to : year === from;
  });
}

let rangeAnchor = null;

function yearFacet(values, selected, onYears) {
  const years = yearRange(values, selected);
  const max = Math.max(1, ...years.map((y) => y.count));
  const bars = years.map(({ year, count }) => {
    const on = isSelected(year, selected);
    const bar = el('span', { class: 'bar' });
    bar.style.height = Math.max(count ? 8 : 2, Math.round((count / max) * 100)) + '%';
    return el('button', {
      type: 'button', class: 'year-bar' + (on ? ' selected' : ''), 'aria-pressed': String(on),
      'data-key': `year:${year}`, disabled: count === 0 && !on,
      title: `${year}: ${count} passages`, 'aria-label': `${year}: ${count} passages`,
      onclick: (e) => {
        if (e.shiftKey && rangeAnchor !== null && rangeAnchor !== year) {
          onYears([`${Math.min(rangeAnchor, year)}-${Math.max(rangeAnchor, year)}`]);
        } else {
          rangeAnchor = year;
          const singles = selected.filter((s) => !String(s).includes('-'));
          onYears(on && singles.includes(String(year))
            ? singles.filter((s) => s !== String(year))
            : [...singles, String(year)]);
        }
      },
    }, bar, el('span', { class: 'bar-year', 'aria-hidden': 'true' }, String(year).slice(2)));
  });
  const first = years.length ? years[0].year : '';
  const last = years.length ? years[years.length - 1].year : '';
  const from = el('input', { type: 'number', id: 'year-from', min: first, max: last, value: first, inputmode: 'numeric' });
  const to = el('input', { type: 'number', id: 'year-to', min: first, max: last, value: last, inputmode: 'numeric' });
  const range = el('form', { class: 'year-range',
    onsubmit: (e) => {
      e.preventDefault();
      const a = Number(from.value);
      const b = Number(to.value);
      if (a && b) onYears([a === b ? String(a) : `${Math.min(a, b)}-${Math.max(a, b)}`]);
    } },
  el('label', { for: 'year-from' }, 'From'), from, el('label', { for: 'year-to' }, 'to'), to,
  el('button', { type: 'submit', 'data-key': 'year:apply' }, 'Apply'));
  return el('fieldset', { class: 'facet', 'data-facet': 'year' },
    el('legend', {}, 'Year'),
    el('p', { class: 'help' }, 'Choose a bar for one year; Shift+choose another for a range.'),
    el('div', { class: 'year-chart' }, bars),
    range);
}

// The evidence map: passages counted for every pair of values of two facets, as a table whose cells
// link to the passages. Empty cells stay visible: they show where evidence is missing.
import { el } from './dom.js';
import { labelFor } from './labels.js';
import { facetHeading } from './state.js';

const LEVELS = 5;

/** Values along one side of the map; years read best in order, other facets keep the server's order (by count). */
function axis(values, name) {
  const out = (values || []).map((v) => ({ value: String(v.value), label: v.label || labelFor(name, v.value) }));
  return name === 'year' ? out.sort((a, b) => Number(a.value) - Number(b.value)) : out;
}

function countsOf(answer) {
  const counts = new Map();
  for (const cell of answer.cells || []) counts.set(String(cell.row) + '\u0000' + String(cell.col), Number(cell.count) || 0);
  return counts;
}

/** `cellHref(row, col)` is the page URL listing the passages of one cell. */
export function renderMap(container, answer, rowName, colName, cellHref) {
  const rows = axis(answer.row_values, rowName);
  const cols = axis(answer.col_values, colName);
  const counts = countsOf(answer);
  if (!rows.length || !cols.length) {
    container.replaceChildren(el('p', { class: 'empty' },
      `No passages have both a ${facetHeading(rowName).toLowerCase()} and a ${facetHeading(colName).toLowerCase()} for this search.`));
    return;
  }
  const max = Math.max(1, ...counts.values());
  const head = el('tr', {}, el('td', { class: 'corner' }, `${facetHeading(rowName)} \\ ${facetHeading(colName)}`),
    cols.map((c) => el('th', { scope: 'col' }, el('span', {}, c.label))));
  const body = rows.map((r) => el('tr', {},
    el('th', { scope: 'row' }, r.label),
    cols.map((c) => {
      const n = counts.get(r.value + '\u0000' + c.value) || 0;
      const level = n === 0 ? 0 : Math.max(1, Math.ceil((n / max) * LEVELS));
      const content = n === 0
        ? el('span', { 'aria-label': `${r.label}, ${c.label}: no passages` }, '0')
        : el('a', { href: cellHref(r.value, c.value), 'aria-label': `${r.label}, ${c.label}: ${n} passages` }, String(n));
      return el('td', { class: 'heat heat-' + level }, content);
    })));
  // Many columns: their headings are turned upright so the grid stays narrow.
  container.replaceChildren(el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Evidence map table' },
    el('table', { class: cols.length > 8 ? 'map upright' : 'map' },
      el('caption', {}, `${facetHeading(rowName)} × ${facetHeading(colName)}: passages matching the current search`),
      el('thead', {}, head), el('tbody', {}, body))),
  legend(max));
}

function legend(max) {
  const steps = [];
  for (let level = 0; level <= LEVELS; level++) {
    const text = level === 0 ? 'none' : `up to ${Math.ceil((max * level) / LEVELS)}`;
    steps.push(el('li', {}, el('span', { class: 'swatch heat heat-' + level, 'aria-hidden': 'true' }), text));
  }
  return el('ul', { class: 'map-legend', 'aria-label': 'Colour key' }, steps);
}

// The expanded view of one passage: its full text, the passages before and after it, the linked
// management response or recommendation, and similar passages from other reports.
import { getJson } from './api.js';
import { el } from './dom.js';
import { pageLink, reportLink, typeBadge } from './results.js';

const SHORT = 280;

export async function toggleDetail(button, detail, hit) {
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  button.textContent = open ? 'Hide full passage' : 'Show full passage';
  detail.hidden = !open;
  if (!open || detail.dataset.loaded) return;
  detail.replaceChildren(el('p', { class: 'loading' }, 'Loading the passage…'));
  try {
    const data = await getJson('passages/' + encodeURIComponent(hit.id));
    detail.dataset.loaded = 'true';
    detail.replaceChildren(...renderDetail(data, hit));
  } catch (e) {
    detail.replaceChildren(el('p', { class: 'error-inline', role: 'alert' }, 'Could not load the passage: ' + e.message));
  }
}

function short(text) {
  const t = String(text || '').replace(/\s+/g, ' ').trim();
  return t.length > SHORT ? t.slice(0, SHORT).replace(/\s\S*$/, '') + ' …' : t;
}

/** A compact line for a related passage: its role, type, report, year, page link and the start of its text. */
function related(p, withReport, role) {
  return el('li', { class: 'related' },
    el('p', { class: 'related-head' }, role ? el('span', { class: 'related-role' }, role + ' ') : null, typeBadge(p), ' ',
      withReport ? [reportLink(p), ' ', p.year ? `(${p.year})` : '', ' '] : null, pageLink(p)),
    el('p', { class: 'related-text' }, short(p.text)));
}

function block(heading, items) {
  const list = items.filter(Boolean);
  if (!list.length) return null;
  return el('section', { class: 'detail-block' }, el('h3', {}, heading), el('ul', { class: 'related-list' }, list));
}

function asList(value) {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

function renderDetail(data, hit) {
  const { previous, next } = data;
  const responses = asList(data.responses);
  const recommendation = asList(data.recommendation);
  const similar = asList(data.similar);
  // a recommendation spread over several passages comes as one hit carrying the whole item's text
  const whole = (hit.parts || []).length > 1;
  return [
    el('section', { class: 'detail-block' },
      el('h3', {}, whole ? `Full text (${hit.parts.length} passages)` : 'Full passage'),
      el('p', { class: 'full-text' }, (whole ? hit.text : data.text) || hit.text || '')),
    block('Management response', responses.map((r) => related(r, false))),
    block('Responds to', recommendation.map((r) => related(r, false))),
    block('Context in the report', [
      previous ? related(previous, false, 'Before:') : null,
      next ? related(next, false, 'After:') : null,
    ]),
    block('Similar passages in other reports', similar.map((s) => related(s, true))),
  ].filter(Boolean);
}

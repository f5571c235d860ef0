// The list of indexed reports and the page of one report: metadata, outline and counts by passage type.
import { el } from './dom.js';
import { labelFor } from './labels.js';

const pagesOf = (d) => d.page_count ?? d.pages ?? '';

function pdfHref(d, page) {
  const base = d.pdf_url ? String(d.pdf_url).split('#')[0] : 'api/documents/' + encodeURIComponent(d.doc) + '/pdf';
  return page ? `${base}#page=${page}` : base;
}

export function renderReports(container, answer) {
  const docs = answer.documents || [];
  if (!docs.length) {
    container.replaceChildren(el('p', { class: 'empty' }, 'No reports are indexed yet.'));
    return;
  }
  const rows = docs.map((d) => el('tr', {},
    el('td', {}, el('a', { href: '?report=' + encodeURIComponent(d.doc) }, d.title || d.doc)),
    el('td', {}, String(d.year || '')),
    el('td', {}, labelFor('evaluation_type', d.evaluation_type || '')),
    el('td', {}, labelFor('language', d.language || '')),
    el('td', { class: 'num' }, String(pagesOf(d))),
    el('td', { class: 'num' }, String(d.passages ?? ''))));
  container.replaceChildren(el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Reports table' },
    el('table', { class: 'reports' },
      el('caption', {}, `${docs.length} indexed reports`),
      el('thead', {}, el('tr', {}, ['Title', 'Year', 'Evaluation type', 'Language', 'Pages', 'Passages']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows))));
}

function outline(d) {
  const sections = d.outline || [];
  if (!sections.length) return el('p', {}, 'No outline was found in this report.');
  // A section is its path ("Findings > Relevance"): the last step is shown, indented by depth.
  return el('ul', { class: 'outline' }, sections.map((s) => {
    const steps = String(s.section || '').split(' > ');
    const title = steps[steps.length - 1] || '(untitled)';
    const level = Math.min(4, steps.length);
    return el('li', { class: 'outline-' + level }, title, ' ',
      s.page ? el('a', { href: pdfHref(d, s.page), target: '_blank', rel: 'noopener', 'aria-label': `${title}: open the PDF at page ${s.page}` }, `p. ${s.page_label || s.page}`) : null,
      s.passages ? el('span', { class: 'count' }, ` · ${s.passages} passages`) : null);
  }));
}

/**
 * `types` are the report's passages by type as a search counts them (repeats folded), so each count equals what
 * its link lists; `browseHref(filters)` gives the page URL that lists the report's passages with extra filters.
 */
export function renderReport(container, heading, d, types, browseHref) {
  heading.textContent = d.title || d.doc;
  const meta = [
    ['Year', d.year], ['Evaluation', d.evaluation], ['Evaluation type', d.evaluation_type && labelFor('evaluation_type', d.evaluation_type)],
    ['Language', d.language && labelFor('language', d.language)], ['Scope', d.scope], ['Pages', pagesOf(d)],
    ['File', d.doc], ['Passages', d.passages],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '');
  const counts = types.filter((c) => c.count > 0);
  container.replaceChildren(
    el('dl', { class: 'meta' }, meta.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))])),
    el('p', { class: 'report-actions' },
      el('a', { class: 'button-link', href: pdfHref(d), target: '_blank', rel: 'noopener' }, 'Open the PDF'), ' ',
      el('a', { class: 'button-link', href: browseHref({}) }, 'Search in this report')),
    el('h2', {}, 'Passages by type'),
    counts.length
      ? el('ul', { class: 'type-counts' }, counts.map((c) => el('li', {},
        el('a', { href: browseHref({ type: [c.value] }) }, `${labelFor('type', c.value)}: ${c.count}`))))
      : el('p', {}, 'No passages of this report are tagged yet.'),
    el('h2', {}, 'Outline'),
    outline(d));
}

// One search answer rendered as a list of passages, or grouped by report.
import { el, setSnippet } from './dom.js';
import { labelFor, pageText, typeClass, typeHeading } from './labels.js';
import { toggleDetail } from './passage.js';

let hitCounter = 0;

/** A link to the PDF at the passage's page; the text is the printed page, the label says both. */
export function pageLink(hit) {
  const href = hit.pdf_url || (hit.doc && hit.page ? `/api/documents/${encodeURIComponent(hit.doc)}/pdf#page=${hit.page}` : null);
  if (!href) return el('span', { class: 'page' }, pageText(hit));
  const printed = hit.page_label && String(hit.page_label) !== String(hit.page);
  return el('a', {
    class: 'page-link',
    href,
    target: '_blank',
    rel: 'noopener',
    'aria-label': `${pageText(hit)}${printed ? ` (PDF page ${hit.page})` : ''}: open the PDF of ${hit.title || hit.doc} at this page`,
  }, pageText(hit), printed ? el('span', { class: 'pdf-page' }, ` (PDF ${hit.page})`) : null);
}

export function reportLink(hit) {
  return el('a', { class: 'report-link', href: '?report=' + encodeURIComponent(hit.doc) }, hit.title || hit.doc);
}

export function typeBadge(hit) {
  return el('span', { class: 'type type-' + typeClass(hit.type) }, typeHeading(hit));
}

function tagLine(hit) {
  const parts = [];
  const add = (name, heading, values) => {
    if (values && values.length) parts.push(el('span', { class: 'tag-group' }, heading + ': ', values.map((v) => labelFor(name, v)).join(', ')));
  };
  add('criterion', 'Criteria', hit.criteria);
  add('theme', 'Themes', hit.themes);
  add('country', 'Countries', hit.countries);
  add('region', 'Regions', hit.regions);
  if (hit.stance) parts.push(el('span', { class: 'tag-group' }, 'Response: ', labelFor('stance', hit.stance)));
  return parts.length ? el('p', { class: 'tags' }, parts) : null;
}

function alsoIn(hit) {
  const others = hit.also_in || [];
  if (!others.length) return null;
  const items = others.map((o) => el('li', {}, o.doc === hit.doc ? 'this report' : o.title || o.doc, ' ', pageLink(o)));
  return el('div', { class: 'also-in' }, el('span', {}, 'Also in: '), el('ul', { class: 'inline-list' }, items));
}

/** One result; inside a report's group the report's title is left out. */
export function renderHit(hit, { inGroup = false } = {}) {
  const n = ++hitCounter;
  const titleId = 'hit-' + n;
  const detail = el('div', { class: 'detail', id: 'detail-' + n, hidden: true });
  const snippet = el('p', { class: 'snippet' });
  if (hit.snippet) setSnippet(snippet, hit.snippet);
  else snippet.textContent = hit.text || '';
  const expand = el('button', {
    type: 'button', class: 'expand', 'aria-expanded': 'false', 'aria-controls': detail.id, 'aria-describedby': titleId,
  }, (hit.parts || []).length > 1 ? 'Show full text' : 'Show full passage');
  expand.addEventListener('click', () => toggleDetail(expand, detail, hit));
  return el('li', { class: 'hit', 'data-id': hit.id },
    el('article', { 'aria-labelledby': titleId },
      el(inGroup ? 'h3' : 'h2', { class: 'hit-head', id: titleId },
        typeBadge(hit), ' ', inGroup ? null : [reportLink(hit), ' ', el('span', { class: 'year' }, hit.year ? `(${hit.year})` : '')]),
      hit.section ? el('p', { class: 'section' }, hit.section) : null,
      snippet,
      tagLine(hit),
      el('div', { class: 'hit-foot' }, pageLink(hit), alsoIn(hit), expand),
      detail));
}

/** Hits grouped under their report, in the order of each report's best hit. */
export function renderGroups(list, answer, hits, browseHref) {
  const groups = answer.groups || groupByDoc(hits);
  for (const g of groups) {
    const first = (g.hits && g.hits[0]) || {};
    const doc = g.doc || first.doc;
    const title = g.title || first.title || doc;
    const year = g.year || first.year;
    const count = g.total ?? first.group_count ?? (g.hits || []).length;
    list.append(el('li', { class: 'group' },
      el('h2', { class: 'group-head' },
        el('a', { href: '?report=' + encodeURIComponent(doc) }, title), ' ', year ? `(${year})` : '',
        el('span', { class: 'group-count' }, ` — ${count} matching passage${count === 1 ? '' : 's'}`)),
      el('ol', { class: 'results' }, (g.hits || []).map((h) => renderHit(h, { inGroup: true }))),
      el('a', { class: 'group-more', href: browseHref(doc) }, `All ${count} in this report`)));
  }
}

function groupByDoc(hits) {
  const byDoc = new Map();
  for (const h of hits) {
    if (!byDoc.has(h.doc)) byDoc.set(h.doc, { doc: h.doc, title: h.title, year: h.year, hits: [] });
    byDoc.get(h.doc).hits.push(h);
  }
  return [...byDoc.values()];
}

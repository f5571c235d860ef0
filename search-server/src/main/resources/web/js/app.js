// The search page: reads the state from the URL, calls the API and renders the current view.
import { apiUrl, getJson } from './api.js';
import { citation } from './cite.js';
import { el } from './dom.js';
import { renderFacets } from './facets.js';
import { labelFor, rememberFacets } from './labels.js';
import { renderMap } from './map.js';
import { renderReport, renderReports } from './report.js';
import { renderGroups, renderHit } from './results.js';
import {
  FACETS, FACET_NAMES, PAGE_SIZE, facetHeading, hasSearch, pageQuery, readState, searchParams, withFilter,
} from './state.js';
import { setupSuggest } from './suggest.js';

const TYPING_DELAY_MS = 300;
const MAX_PAGE_SIZE = 100;
const $ = (id) => document.getElementById(id);

let state = readState();
let seq = 0;
let lastAnswer = null;
let loadedHits = 0;
// While the user types, the first change of a burst adds a history entry and the rest replace it,
// so Back returns to the search before the typing rather than to every keystroke.
let typing = false;
let typingTimer = 0;

function go(next, { replace = false } = {}) {
  state = next;
  const url = pageQuery(state);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function goFromControl(next) {
  typing = false;
  go(next);
}

function hrefFor(next) {
  return pageQuery(next);
}

function render() {
  const { view } = state;
  for (const name of ['results', 'map', 'reports', 'report']) $('view-' + name).hidden = name !== view;
  for (const [id, on] of [['nav-results', view === 'results'], ['nav-map', view === 'map'], ['nav-reports', view === 'reports' || view === 'report']]) {
    if (on) $(id).setAttribute('aria-current', 'page');
    else $(id).removeAttribute('aria-current');
  }
  $('nav-results').href = hrefFor({ ...state, view: 'results', page: 1 });
  $('nav-map').href = hrefFor({ ...state, view: 'map', page: 1 });
  syncControls();
  const searching = view === 'results' || view === 'map';
  $('facets').hidden = !searching;
  document.querySelector('.layout').classList.toggle('no-facets', !searching);
  $('filters-toggle').hidden = !searching;
  $('chips').hidden = !searching;
  $('did-you-mean').hidden = true;
  $('understood').hidden = true;
  hideError();
  document.title = titleFor();
  if (view === 'results') runSearch();
  else if (view === 'map') runMap();
  else if (view === 'reports') runReports();
  else runReport();
}

function titleFor() {
  const base = 'evalsearch';
  if (state.view === 'map') return `Evidence map — ${base}`;
  if (state.view === 'reports') return `Reports — ${base}`;
  if (state.view === 'report') return `Report — ${base}`;
  return state.q ? `${state.q} — ${base}` : `${base} — search evaluation reports`;
}

function syncControls() {
  const input = $('q');
  if (input.value !== state.q && !(typing && document.activeElement === input)) input.value = state.q;
  $('sort').value = state.sort;
  $('group').checked = state.group;
  renderChips();
}

// ---- results view ----

function apiSearchParams(size, cursor) {
  const p = searchParams(state);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.group) p.set('group', 'doc');
  if (state.intent === false) p.set('intent', 'off');
  p.set('size', String(size));
  if (cursor) p.set('cursor', cursor);
  return p;
}

async function runSearch() {
  const mine = ++seq;
  const landing = !hasSearch(state);
  const wanted = landing ? 1 : PAGE_SIZE * state.page;
  setStatus('Searching…');
  $('main').setAttribute('aria-busy', 'true');
  const exportParams = searchParams(state);
  exportParams.set('format', 'csv');
  $('export-csv').href = apiUrl('export', exportParams);
  try {
    const answer = await getJson('search', apiSearchParams(Math.min(wanted, MAX_PAGE_SIZE)));
    const hits = [...answer.hits];
    let cursor = answer.next_cursor;
    while (!landing && !state.group && hits.length < wanted && cursor && mine === seq) {
      const more = await getJson('search', apiSearchParams(Math.min(wanted - hits.length, MAX_PAGE_SIZE), cursor));
      hits.push(...more.hits);
      cursor = more.next_cursor;
    }
    if (mine !== seq) return;
    answer.next_cursor = cursor;
    lastAnswer = answer;
    rememberFacets(answer.facets);
    if (landing) showLanding(answer);
    else showResults(answer, hits);
    showFacets(answer.facets, answer.facet_values);
  } catch (e) {
    if (mine === seq) showError(e);
  } finally {
    if (mine === seq) $('main').removeAttribute('aria-busy');
  }
}

function showResults(answer, hits) {
  $('intro').hidden = true;
  $('results-toolbar').hidden = false;
  const list = $('results');
  list.replaceChildren();
  loadedHits = hits.length;
  const total = answer.total ?? hits.length;
  $('result-count').textContent = countText(total, answer);
  setStatus(countText(total, answer));
  showDidYouMean(answer);
  showUnderstood(answer);
  renderChips();
  const empty = $('empty');
  empty.hidden = total > 0;
  if (total === 0) {
    empty.replaceChildren(...emptyState());
  } else if (state.group) {
    renderGroups(list, answer, hits, (doc) => hrefFor({ ...withFilter({ ...state, group: false }, 'doc', doc, true) }));
  } else {
    list.append(...hits.map((h) => renderHit(h)));
  }
  list.classList.toggle('grouped', state.group);
  $('more').hidden = state.group || !answer.next_cursor;
}

/** The start page: what is indexed, how to search, and one link per passage type. */
function showLanding(answer) {
  $('results').replaceChildren();
  $('empty').hidden = true;
  $('more').hidden = true;
  $('results-toolbar').hidden = true;
  $('did-you-mean').hidden = true;
  $('understood').hidden = true;
  const reports = (answer.facet_values && answer.facet_values.doc)
    || ((answer.facets && answer.facets.doc) || []).length;
  const types = ((answer.facets && answer.facets.type) || []).filter((t) => t.value !== 'other');
  setStatus(`${answer.total} passages from ${reports} reports`);
  $('intro').replaceChildren(...[
    el('h2', {}, `Search ${answer.total.toLocaleString('en')} passages from ${reports} evaluation reports`),
    el('ul', {},
      el('li', {}, 'Type words in the box above: results appear as you type. Use "quotes" for a phrase.'),
      el('li', {}, 'Narrow down with the filters: type of passage, theme, criterion, year, report…'),
      el('li', {}, 'Each result shows its report, section and page; "p. N" opens the PDF at that page.')),
    types.length ? el('nav', { class: 'browse-hints', 'aria-label': 'Browse by type' },
      el('span', {}, 'Browse: '),
      el('ul', { class: 'inline-list' }, types.map((t) => el('li', {},
        el('a', { href: hrefFor(withFilter(state, 'type', t.value, true)) }, `${labelFor('type', t.value)} (${t.count})`))))) : null,
    el('p', {}, 'Or see the ', el('a', { href: '?view=map' }, 'evidence map'), ' or the list of ', el('a', { href: '?view=reports' }, 'reports'), '.'),
  ].filter(Boolean));
  $('intro').hidden = false;
}

function countText(total, answer) {
  const took = answer.took_ms !== undefined ? ` in ${answer.took_ms} ms` : '';
  const passages = `${total.toLocaleString('en')} passage${total === 1 ? '' : 's'}`;
  if (state.group && answer.groups) return `${passages} in ${answer.groups.length} reports${took}`;
  return `${passages}${took}`;
}

function emptyState() {
  const parts = [el('h2', {}, 'No passages match this search.')];
  const tips = [];
  if (Object.keys(state.filters).length) {
    tips.push(el('li', {}, 'Remove a filter above, or ', el('a', { href: hrefFor({ ...state, filters: {}, page: 1 }) }, 'search without filters'), '.'));
  }
  if (state.q) {
    tips.push(el('li', {}, 'Check the spelling, use fewer words, or use OR between alternatives (migrant OR migration).'));
    tips.push(el('li', {}, 'End a word with * to find its variants (recruit*).'));
  }
  if (tips.length) parts.push(el('ul', {}, tips));
  return parts;
}

function showDidYouMean(answer) {
  const box = $('did-you-mean');
  const raw = answer.did_you_mean ?? answer.suggestion ?? answer.spelling;
  const text = raw && typeof raw === 'object' ? raw.q || raw.query || raw.text : raw;
  if (!text || text === state.q) {
    box.hidden = true;
    return;
  }
  box.replaceChildren('Did you mean ', el('a', { href: hrefFor({ ...state, q: text, page: 1 }) }, text), '?');
  box.hidden = false;
}

/** What the query's own words were read as ("recommendations on …"), with the way to search every word as topic. */
function showUnderstood(answer) {
  const box = $('understood');
  const implied = Object.entries(answer.understood || {});
  if (!implied.length) {
    box.hidden = true;
    return;
  }
  const named = implied.map(([facet, value]) => `${facet} “${labelFor(facet, value)}”`).join(', ');
  box.replaceChildren(`Your words ask for ${named}: those passages come first. `,
    el('a', { href: hrefFor({ ...state, intent: false, page: 1 }) }, 'Rank all passages alike'));
  box.hidden = false;
}

async function showMore() {
  if (!lastAnswer || !lastAnswer.next_cursor) return;
  const mine = seq;
  const button = $('more');
  button.disabled = true;
  try {
    const answer = await getJson('search', apiSearchParams(PAGE_SIZE, lastAnswer.next_cursor));
    if (mine !== seq) return;
    const items = answer.hits.map((h) => renderHit(h));
    $('results').append(...items);
    loadedHits += answer.hits.length;
    lastAnswer.next_cursor = answer.next_cursor;
    button.hidden = !answer.next_cursor;
    state = { ...state, page: Math.ceil(loadedHits / PAGE_SIZE) };
    history.replaceState(null, '', pageQuery(state));
    if (items.length) items[0].querySelector('a, button')?.focus();
    setStatus(`Showing ${loadedHits} of ${lastAnswer.total} passages`);
  } catch (e) {
    showError(e);
  } finally {
    button.disabled = false;
  }
}

// ---- facets and chips ----

function showFacets(facets, valueCounts) {
  renderFacets($('facets'), facets || {}, valueCounts || {}, state, {
    onToggle: (name, value, on) => goFromControl(withFilter(state, name, value, on)),
    onYears: (years) => {
      const filters = { ...state.filters };
      if (years.length) filters.year = years;
      else delete filters.year;
      goFromControl({ ...state, filters, page: 1 });
    },
  });
  filtersToggleText();
}

function filtersToggleText() {
  const toggle = $('filters-toggle');
  const active = Object.values(state.filters).reduce((n, v) => n + v.length, 0);
  const verb = toggle.getAttribute('aria-expanded') === 'true' ? 'Hide filters' : 'Show filters';
  toggle.textContent = active ? `${verb} (${active} active)` : verb;
}

function chipLabel(name, value) {
  if (name === 'year') return `${facetHeading(name)}: ${String(value).replace('-', '–')}`;
  return `${facetHeading(name)}: ${labelFor(name, value)}`;
}

function renderChips() {
  const chips = [];
  for (const name of FACET_NAMES) {
    for (const value of state.filters[name] || []) {
      const text = chipLabel(name, value);
      chips.push(el('li', {}, el('button', {
        type: 'button', class: 'chip', 'aria-label': `Remove filter ${text}`,
        onclick: () => {
          goFromControl(withFilter(state, name, value, false));
          (document.querySelector('.chip') || $('q')).focus();
        },
      }, text, el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'))));
    }
  }
  if (chips.length > 1) {
    chips.push(el('li', {}, el('button', {
      type: 'button', class: 'link-button', onclick: () => goFromControl({ ...state, filters: {}, page: 1 }),
    }, 'Clear all filters')));
  }
  $('chips').replaceChildren(...chips);
}

// ---- evidence map ----

function fillAxisSelect(select, value) {
  if (!select.options.length) {
    for (const [name, heading] of FACETS) select.append(el('option', { value: name }, heading));
  }
  select.value = value;
}

async function runMap() {
  const mine = ++seq;
  fillAxisSelect($('map-rows'), state.rows);
  fillAxisSelect($('map-cols'), state.cols);
  const params = searchParams(state);
  params.set('rows', state.rows);
  params.set('cols', state.cols);
  const csv = new URLSearchParams(params);
  csv.set('format', 'csv');
  $('map-csv').href = apiUrl('map', csv);
  setStatus('Counting…');
  try {
    const [map, facetsAnswer] = await Promise.all([getJson('map', params), getJson('search', apiSearchParams(1))]);
    if (mine !== seq) return;
    rememberFacets(facetsAnswer.facets);
    lastAnswer = facetsAnswer;
    renderMap($('map'), map, state.rows, state.cols, (row, col) => {
      let next = withFilter({ ...state, view: 'results' }, state.rows, row, true);
      next = withFilter(next, state.cols, col, true);
      return hrefFor(next);
    });
    showFacets(facetsAnswer.facets, facetsAnswer.facet_values);
    setStatus(`Evidence map of ${facetsAnswer.total} passages`);
  } catch (e) {
    if (mine === seq) showError(e);
  }
}

// ---- reports ----

async function runReports() {
  const mine = ++seq;
  setStatus('Loading the reports…');
  try {
    const answer = await getJson('documents');
    if (mine !== seq) return;
    renderReports($('reports'), answer);
    setStatus('');
  } catch (e) {
    if (mine === seq) showError(e);
  }
}

async function runReport() {
  const mine = ++seq;
  setStatus('Loading the report…');
  try {
    const inReport = new URLSearchParams({ doc: state.report, size: '1' });
    const [doc, search] = await Promise.all([
      getJson('documents/' + encodeURIComponent(state.report)), getJson('search', inReport)]);
    if (mine !== seq) return;
    rememberFacets(search.facets);
    const types = (search.facets && search.facets.type) || [];
    renderReport($('report'), $('report-heading'), { doc: state.report, ...doc }, types, (filters) => hrefFor({
      ...state, view: 'results', report: '', q: '', page: 1, filters: { doc: [state.report], ...filters },
    }));
    setStatus('');
  } catch (e) {
    if (mine === seq) showError(e);
  }
}

// ---- status, errors ----

function setStatus(text) {
  $('status').textContent = text;
}

// a 400 is the user's query or filters, which they can mend; anything else is the server's side
function showError(error) {
  const box = $('error');
  box.replaceChildren(
    el('strong', {}, error.status === 400 ? 'This search cannot be run: ' : 'Something went wrong. '), error.message);
  box.hidden = false;
  setStatus('');
  if (state.view === 'results') {
    $('results').replaceChildren();
    $('intro').hidden = true;
    $('empty').hidden = true;
    $('more').hidden = true;
    $('result-count').textContent = '';
  }
}

function hideError() {
  $('error').hidden = true;
}

// ---- wiring ----

function setup() {
  const input = $('q');
  const suggest = setupSuggest(input, $('suggestions'), (s) => {
    clearTimeout(typingTimer);
    const next = { ...state, view: searchView(), page: 1 };
    // A report title or a theme becomes a filter; a phrase becomes a phrase query.
    const facet = { title: 'doc', theme: 'theme' }[s.kind];
    const chosen = facet && s.value ? { ...withFilter(next, facet, s.value, true), q: '' }
      : { ...next, q: /\s/.test(s.text) ? `"${s.text}"` : s.text };
    input.value = chosen.q;
    goFromControl(chosen);
  });
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      if (input.value === state.q) return;
      const replace = typing;
      typing = true;
      go({ ...state, view: searchView(), q: input.value, intent: true, page: 1 }, { replace });
    }, TYPING_DELAY_MS);
  });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    suggest.close();
    if (input.value !== state.q || state.view !== searchView()) {
      go({ ...state, view: searchView(), q: input.value, intent: true, page: 1 }, { replace: typing });
    }
    typing = false;
  });
  $('sort').addEventListener('change', (e) => goFromControl({ ...state, sort: e.target.value, page: 1 }));
  $('group').addEventListener('change', (e) => goFromControl({ ...state, group: e.target.checked, page: 1 }));
  $('map-rows').addEventListener('change', (e) => goFromControl({ ...state, rows: e.target.value }));
  $('map-cols').addEventListener('change', (e) => goFromControl({ ...state, cols: e.target.value }));
  $('map-swap').addEventListener('click', () => goFromControl({ ...state, rows: state.cols, cols: state.rows }));
  $('more').addEventListener('click', showMore);
  $('filters-toggle').addEventListener('click', () => {
    const open = $('filters-toggle').getAttribute('aria-expanded') !== 'true';
    $('filters-toggle').setAttribute('aria-expanded', String(open));
    $('facets').classList.toggle('open', open);
    filtersToggleText();
  });
  $('cite-button').addEventListener('click', openCitation);
  $('cite-close').addEventListener('click', () => $('cite-dialog').close());
  $('cite-copy').addEventListener('click', copyCitation);
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      input.focus();
    }
  });
  // Links inside the page change the state without reloading it.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname) return;
    e.preventDefault();
    typing = false;
    history.pushState(null, '', url.search || url.pathname);
    state = readState();
    render();
    $('main').focus();
  });
  window.addEventListener('popstate', () => {
    typing = false;
    state = readState();
    render();
  });
  render();
}

function searchView() {
  return state.view === 'map' ? 'map' : 'results';
}

async function openCitation() {
  const dialog = $('cite-dialog');
  const text = $('cite-text');
  text.value = 'Preparing the citation…';
  dialog.showModal();
  text.value = await citation(state, lastAnswer && lastAnswer.total, window.location.href);
  text.focus();
  text.select();
}

async function copyCitation() {
  const text = $('cite-text');
  text.select();
  try {
    await navigator.clipboard.writeText(text.value);
    $('cite-copy').textContent = 'Copied';
  } catch {
    $('cite-copy').textContent = 'Press Ctrl+C to copy';
  }
}

setup();

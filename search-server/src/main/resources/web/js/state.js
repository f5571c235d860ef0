// The page's whole state lives in the URL (?q=…&type=recommendation&year=2013&view=map…), so a search can
// be bookmarked, shared, opened directly, and Back/Forward replay it.

/** Facets in the order they are shown, with their headings. Names are the API's filter names. */
export const FACETS = [
  ['type', 'Type'],
  ['theme', 'Theme'],
  ['criterion', 'Criterion (OECD/DAC)'],
  ['year', 'Year'],
  ['doc', 'Report'],
  ['evaluation_type', 'Evaluation type'],
  ['region', 'Region'],
  ['country', 'Country'],
  ['language', 'Language'],
  ['priority', 'Priority'],
  ['stance', 'Management response'],
];
export const FACET_NAMES = FACETS.map(([name]) => name);
export const facetHeading = (name) => (FACETS.find(([n]) => n === name) || [name, name])[1];

export const PAGE_SIZE = 10;
const SORTS = ['relevance', 'year_desc', 'year_asc'];
const VIEWS = ['results', 'map', 'reports', 'report'];

export function readState(search = window.location.search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const name of FACET_NAMES) {
    const values = [...new Set(p.getAll(name).filter((v) => v !== ''))];
    if (values.length) filters[name] = values;
  }
  const report = p.get('report') || '';
  let view = p.get('view') || (report ? 'report' : 'results');
  if (!VIEWS.includes(view)) view = 'results';
  return {
    view,
    q: p.get('q') || '',
    filters,
    sort: SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance',
    group: p.get('group') === 'doc',
    intent: p.get('intent') !== 'off',
    page: Math.max(1, Number.parseInt(p.get('page'), 10) || 1),
    rows: p.get('rows') || 'criterion',
    cols: p.get('cols') || 'theme',
    report,
  };
}

/** The page URL's query for a state; defaults are left out to keep links short. */
export function pageQuery(state) {
  const p = new URLSearchParams();
  if (state.view !== 'results' && state.view !== 'report') p.set('view', state.view);
  if (state.view === 'report') p.set('report', state.report);
  if (state.q) p.set('q', state.q);
  appendFilters(p, state.filters);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.group) p.set('group', 'doc');
  if (state.intent === false) p.set('intent', 'off');
  if (state.page > 1 && state.view === 'results') p.set('page', String(state.page));
  if (state.view === 'map') {
    p.set('rows', state.rows);
    p.set('cols', state.cols);
  }
  const text = p.toString();
  return text ? '?' + text : window.location.pathname;
}

/** Query and filters as API parameters, shared by search, export, map and the links between views. */
export function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  appendFilters(p, state.filters);
  return p;
}

function appendFilters(p, filters) {
  for (const name of FACET_NAMES) for (const value of filters[name] || []) p.append(name, value);
}

export function withFilter(state, name, value, on) {
  const values = new Set(state.filters[name] || []);
  if (on) values.add(value);
  else values.delete(value);
  const filters = { ...state.filters };
  if (values.size) filters[name] = [...values];
  else delete filters[name];
  return { ...state, filters, page: 1 };
}

export function hasSearch(state) {
  return state.q.trim() !== '' || Object.keys(state.filters).length > 0;
}

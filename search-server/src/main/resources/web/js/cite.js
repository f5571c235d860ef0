// "Cite this search": the query, filters, date and index version as plain text for a methodology annex.
import { getJson } from './api.js';
import { labelFor } from './labels.js';
import { FACETS } from './state.js';

function indexVersion(health) {
  const parts = [];
  if (health.version || health.index_version) parts.push('version ' + (health.version || health.index_version));
  if (health.documents !== undefined) parts.push(`${health.documents} reports`);
  if (health.passages !== undefined) parts.push(`${health.passages} passages`);
  if (health.last_indexed) parts.push('last indexed ' + health.last_indexed);
  return parts.join(', ') || 'unknown';
}

export async function citation(state, total, pageUrl) {
  let index;
  try {
    index = indexVersion(await getJson('health'));
  } catch (e) {
    index = 'unknown (' + e.message + ')';
  }
  const filters = FACETS
    .filter(([name]) => state.filters[name])
    .map(([name, heading]) => `${heading} = ${state.filters[name].map((v) => labelFor(name, v)).join(' OR ')}`);
  const now = new Date();
  return [
    `Search: ${state.q ? state.q : '(all passages)'}`,
    `Filters: ${filters.length ? filters.join('; ') : 'none'}`,
    `Sort: ${state.sort === 'relevance' ? 'relevance' : state.sort === 'year_desc' ? 'year, newest first' : 'year, oldest first'}`,
    `Matching passages: ${total ?? 'unknown'}`,
    `Date: ${now.toISOString().slice(0, 10)} ${now.toISOString().slice(11, 16)} UTC`,
    `Index: ${index}`,
    `Link: ${pageUrl}`,
    'Tool: evalsearch full-text search over evaluation report passages',
  ].join('\n');
}

// Display labels for facet values. The server sends a label with every facet value; those are remembered
// here so hits, chips and the map can show "Lesson learned" rather than "lesson_learned".
import { humanize } from './dom.js';

const known = new Map();

export function rememberFacets(facets) {
  for (const [name, values] of Object.entries(facets || {})) {
    for (const v of values || []) if (v && v.label) known.set(name + '\u0000' + v.value, v.label);
  }
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export function labelFor(name, value) {
  const label = known.get(name + '\u0000' + value);
  if (name === 'language' && (!label || label === value)) return languageName(value);
  return label || humanize(value);
}

function languageName(code) {
  try {
    return languageNames.of(code) || code;
  } catch {
    return code;
  }
}

/** A CSS class suffix for a passage type; unknown types share the neutral colour. */
export function typeClass(type) {
  const t = String(type || 'other').toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return ['recommendation', 'finding', 'conclusion', 'lesson_learned', 'good_practice', 'management_response']
    .includes(t) ? t : 'other';
}

/** "Recommendation 3", "Finding", "Lesson learned 2". */
export function typeHeading(hit) {
  const label = labelFor('type', hit.type || 'other');
  return hit.number ? `${label} ${hit.number}` : label;
}

/** The printed page when the report numbers its pages, else the PDF page. */
export function pageText(hit) {
  return 'p. ' + (hit.page_label || hit.page);
}

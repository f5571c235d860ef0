// Small DOM helpers. Everything from the server is inserted as text; only a hit's `snippet`
// (server-escaped HTML with <mark>) goes through setSnippet.

/** Creates an element: el('a', {href: '…', class: 'x'}, 'text', childNode …). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Inserts a snippet that the server built: its text is HTML-escaped and matched words are wrapped in <mark>.
 * Parsed in an inert template and rebuilt from text and <mark> nodes only, so nothing else can get through.
 */
export function setSnippet(node, html) {
  const template = document.createElement('template');
  template.innerHTML = html || '';
  const safe = [];
  for (const child of template.content.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE && child.nodeName === 'MARK') safe.push(el('mark', {}, child.textContent));
    else safe.push(document.createTextNode(child.textContent));
  }
  node.replaceChildren(...safe);
}

/** A label for a facet value such as "lesson_learned" when the server gives none. */
export function humanize(value) {
  const text = String(value ?? '').replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

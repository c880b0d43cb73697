// Builds elements from data without innerHTML, so that names typed by people are always text.

export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function fill(target, ...children) {
  const el = typeof target === 'string' ? document.getElementById(target) : target;
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** A message for everyone, read by screen readers: an error as role=alert, anything else as a polite status. */
export function notice(target, text, kind = 'info') {
  return fill(target, text ? h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: { kind } }, text) : null);
}

/*
 * Pilot Lifecycle dashboards: what both pages share. The data comes from the application's API, read with the
 * webapps' login (the session Tasklist and Cockpit sign in with); nothing is computed here that the API does not
 * say. Texts are set as text, never as HTML.
 */
export class Refused extends Error {
  constructor(status, path, detail) {
    super(detail || ('HTTP ' + status + ' from ' + path));
    this.status = status;
  }
}

/** GET of the application's API as JSON; a refusal throws {@link Refused} with the problem's detail. */
export async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail;
    try {
      detail = (await response.json()).detail;
    } catch (ignored) {
      detail = undefined;
    }
    throw new Refused(response.status, path, detail);
  }
  return response.json();
}

/**
 * Who is signed in to the webapps, or null: the dashboards use the webapps' login and never ask for a password
 * themselves (an unauthenticated API call would make the browser ask for Basic credentials).
 */
export async function signedInUser() {
  const response = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin',
    headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return null;
  }
  const user = await response.json();
  return user && user.userId ? user.userId : null;
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

export function link(href, text, className) {
  const anchor = element('a', className, text);
  anchor.href = href;
  return anchor;
}

/** The page of one pilot. */
export function pilotHref(key) {
  return '/dashboard/pilots/' + encodeURIComponent(key);
}

export function label(text) {
  const words = String(text || '').toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function day(instant) {
  return instant ? new Date(instant).toISOString().slice(0, 10) : '';
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

export function money(value) {
  return value === null || value === undefined ? '–'
    : Number(value).toLocaleString(undefined, { maximumFractionDigits: 0 });
}

export function number(value, digits) {
  return value === null || value === undefined ? '–'
    : Number(value).toLocaleString(undefined, { maximumFractionDigits: digits === undefined ? 1 : digits });
}

/** A table: headers, and rows of cells (a string, a number, or a DOM node such as a link). */
export function table(headers, rows, numeric) {
  const result = element('table');
  const head = element('tr');
  headers.forEach((title, i) => head.appendChild(element('th', numeric && numeric.includes(i) ? 'number' : null, title)));
  result.appendChild(head);
  rows.forEach(cells => {
    const row = element('tr');
    cells.forEach((cell, i) => {
      const td = element('td', numeric && numeric.includes(i) ? 'number' : null);
      if (cell instanceof Node) {
        td.appendChild(cell);
      } else {
        td.textContent = cell === null || cell === undefined || cell === '' ? '–' : String(cell);
      }
      row.appendChild(td);
    });
    result.appendChild(row);
  });
  return result;
}

/** The figures behind a chart, as a table one can open (and a browser test can read). */
export function figuresTable(headers, rows, numeric) {
  const details = element('details', 'figures-table');
  details.appendChild(element('summary', null, 'Figures'));
  details.appendChild(table(headers, rows, numeric));
  return details;
}

/** A chart in the node, drawn as SVG (crisp in print); registered for tests under window.pilotLifecycleCharts. */
export function chart(node, name, option) {
  // eslint-disable-next-line no-undef
  const instance = echarts.init(node, null, { renderer: 'svg' });
  instance.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'Helvetica Neue, Arial, sans-serif' } },
    option));
  node.setAttribute('data-chart', name);
  window.pilotLifecycleCharts = window.pilotLifecycleCharts || {};
  window.pilotLifecycleCharts[name] = instance;
  window.addEventListener('resize', () => instance.resize());
  return instance;
}

export function message(node, text, error) {
  node.textContent = '';
  node.appendChild(element('div', error ? 'message error' : 'message', text));
}

/** What to say when the API refused: signed out, not allowed, not found. */
export function refusal(error, what) {
  if (error instanceof Refused) {
    if (error.status === 401) {
      return 'Your sign-in has expired: sign in again in Tasklist, then reload.';
    }
    if (error.status === 403) {
      return 'You may not see ' + what + '.';
    }
    if (error.status === 404) {
      return 'No ' + what + ' you may see: it does not exist, or it is not one of yours.';
    }
    return 'Could not load ' + what + ': ' + error.message;
  }
  return 'Could not load ' + what + ': ' + (error && error.message ? error.message : error);
}

/**
 * Starts a page: wires "Print or save as PDF", shows who is signed in; without a webapps login, shows the sign-in
 * hint in #status, marks the page signed-out and resolves to null (the page then reads nothing).
 */
export async function start() {
  document.getElementById('print').addEventListener('click', event => {
    event.preventDefault();
    window.print();
  });
  const who = document.getElementById('signed-in');
  const user = await signedInUser();
  if (who) {
    who.textContent = user ? 'Signed in as ' + user : '';
  }
  if (!user) {
    const status = document.getElementById('status');
    status.textContent = '';
    const hint = element('div', 'message', 'Sign in first: the dashboards use the login of Tasklist and Cockpit. ');
    hint.appendChild(link('/camunda/app/tasklist/default/', 'Sign in with Tasklist'));
    status.appendChild(hint);
    document.body.setAttribute('data-state', 'signed-out');
  }
  return user;
}

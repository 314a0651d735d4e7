/*
 * Pilot Lifecycle: the pilot behind a process instance, as a tab of Cockpit's process instance page.
 * The instance's business key is the pilot's key (in PilotIntake and in the framework it calls). Shows the pilot's
 * name, key, status, phase or stage and its due date, the people, and the audit trail (newest first). Reads the
 * webapps' engine API (the instance) and the application's API (the pilot, its audit trail) with the Cockpit login;
 * reads only, so no CSRF token. A refused or failed read says so in the tab. Texts are set as text, never as HTML.
 */
const PEOPLE = [
  ['executiveOwner', 'Executive owner'],
  ['aiProductOwner', 'AI product owner'],
  ['techLead', 'Tech lead'],
  ['riskComplianceOwner', 'Risk and compliance owner'],
  ['changeManager', 'Change manager'],
  ['lineManager', 'Line manager']
];
const AUDIT_SIZE = 500;

const STYLE = `
  .pilot-lifecycle-pilot { padding: 8px 0; }
  .pilot-lifecycle-pilot h3 { margin-top: 0; }
  .pilot-lifecycle-pilot dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 0 0 12px; }
  .pilot-lifecycle-pilot dt { font-weight: bold; }
  .pilot-lifecycle-pilot dd { margin: 0; }
  .pilot-lifecycle-pilot .pilot-lifecycle-overdue { color: #b5152b; font-weight: bold; }
  .pilot-lifecycle-pilot .pilot-lifecycle-audit { max-height: 360px; overflow-y: auto; }
  .pilot-lifecycle-pilot-message { padding: 8px 0; }
`;

class Refused extends Error {
  constructor(status, path) {
    super('HTTP ' + status + ' from ' + path);
    this.status = status;
  }
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Refused(response.status, path);
  }
  return response.json();
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

function label(text) {
  return String(text || '').toLowerCase().replace(/_/g, ' ');
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

function definitionList(entries) {
  const list = element('dl');
  entries.forEach(([term, value, className]) => {
    list.appendChild(element('dt', null, term));
    const description = element('dd', className, value === null || value === undefined || value === '' ? '–' : value);
    list.appendChild(description);
    description.setAttribute('data-field', term);
  });
  return list;
}

function auditTable(page) {
  if (!page.content.length) {
    return element('p', null, 'No audit entries yet.');
  }
  const table = element('table', 'cam-table pilot-lifecycle-audit-trail');
  const head = element('tr');
  ['When', 'What', 'Phase or stage', 'Who', 'Outcome', 'Reason'].forEach(title => head.appendChild(element('th', null, title)));
  const thead = element('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  const body = element('tbody');
  page.content.slice().reverse().forEach(entry => {
    const row = element('tr', 'pilot-lifecycle-audit-entry');
    row.setAttribute('data-type', entry.type);
    row.appendChild(element('td', null, when(entry.occurredAt)));
    const what = element('td', null, label(entry.type));
    if (entry.name) {
      what.appendChild(element('br'));
      what.appendChild(element('small', null, entry.name));
    }
    row.appendChild(what);
    row.appendChild(element('td', null, label(entry.step)));
    row.appendChild(element('td', null, entry.actor));
    row.appendChild(element('td', null, label(entry.outcome)));
    row.appendChild(element('td', null, entry.reason));
    body.appendChild(row);
  });
  table.appendChild(body);
  const box = element('div', 'pilot-lifecycle-audit');
  box.appendChild(table);
  return box;
}

function refusal(error, what) {
  if (error instanceof Refused && (error.status === 401 || error.status === 403)) {
    return 'Your login may not read ' + what + ' (HTTP ' + error.status + '). Administrators may.';
  }
  if (error instanceof Refused && error.status === 404) {
    return 'Not found: ' + what + '.';
  }
  return 'Cannot load ' + what + ': ' + error.message;
}

function message(node, text) {
  node.textContent = '';
  node.appendChild(element('p', 'pilot-lifecycle-pilot-message', text));
}

async function show(node, processInstanceId, engineApi) {
  let instance;
  try {
    instance = await getJson(engineApi + '/process-instance/' + encodeURIComponent(processInstanceId));
  } catch (error) {
    // The engine answers 404 for an instance the login's groups may not read (a process analyst's, say).
    message(node, error instanceof Refused && error.status === 404
      ? 'Cannot read this process instance with your login: it has ended, or your groups may not read it (HTTP 404).'
      : refusal(error, 'this process instance'));
    return;
  }
  const key = instance.businessKey;
  if (!key) {
    message(node, 'This process instance carries no business key, so no pilot.');
    return;
  }
  const path = '/api/pilots/' + encodeURIComponent(key);
  let pilot;
  try {
    pilot = await getJson(path);
  } catch (error) {
    message(node, refusal(error, 'the pilot ' + key));
    return;
  }
  node.textContent = '';
  const overdue = pilot.stepDueAt && pilot.status === 'ACTIVE' && new Date(pilot.stepDueAt) < new Date();
  node.appendChild(element('h3', 'pilot-lifecycle-pilot-name', pilot.name));
  const page = element('a', 'pilot-lifecycle-pilot-page', 'Open the pilot\'s page');
  page.href = '/dashboard/pilots/' + encodeURIComponent(pilot.key);
  node.appendChild(page);
  node.appendChild(definitionList([
    ['Pilot key', pilot.key],
    ['Business unit', pilot.businessUnit],
    ['Framework', pilot.framework === 'FIVE_PHASE' ? 'five-phase' : 'four-stage'],
    ['Status', label(pilot.status) + (pilot.statusReason ? ': ' + pilot.statusReason : '')],
    ['Phase or stage', label(pilot.currentStep)],
    ['Due', when(pilot.stepDueAt) + (overdue ? ' (overdue)' : ''), overdue ? 'pilot-lifecycle-overdue' : null],
    ['Registered', when(pilot.registeredAt) + (pilot.registeredBy ? ' by ' + pilot.registeredBy : '')]
  ]));
  node.appendChild(element('h4', null, 'People'));
  node.appendChild(definitionList(PEOPLE.map(([field, title]) => [title, (pilot.people || {})[field]])));
  node.appendChild(element('h4', null, 'Audit trail, newest first'));
  const audit = element('div', 'pilot-lifecycle-audit-body', 'Loading the audit trail…');
  node.appendChild(audit);
  try {
    const page = await getJson(path + '/history?size=' + AUDIT_SIZE);
    audit.textContent = '';
    audit.appendChild(auditTable(page));
    if (page.totalElements > page.content.length) {
      audit.appendChild(element('p', null, (page.totalElements - page.content.length) + ' later entries not shown: GET '
        + path + '/history'));
    }
  } catch (error) {
    message(audit, refusal(error, 'the audit trail of ' + key));
  }
}

export default {
  id: 'pilotLifecycle.pilotTab',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  properties: {
    label: 'Pilot'
  },
  render: (node, { processInstanceId, api }) => {
    const container = document.createElement('div');
    container.className = 'pilot-lifecycle-pilot';
    const style = document.createElement('style');
    style.textContent = STYLE;
    node.appendChild(style);
    node.appendChild(container);
    container.textContent = 'Loading the pilot…';
    const engineApi = (api && api.engineApi) || '/camunda/api/engine/engine/default';
    show(container, processInstanceId, engineApi);
  }
};

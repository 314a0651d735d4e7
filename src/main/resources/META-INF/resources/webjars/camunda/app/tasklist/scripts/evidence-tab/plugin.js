/*
 * Pilot Lifecycle in Tasklist: an "Evidence" tab on every task of a pilot (tasklist.task.detail). It lists the
 * evidence files of the pilot's current phase or stage (name, version, SHA-256, who, when; each a download link) and
 * uploads a new file, or a new version of a name already there, for the open task (POST /api/pilots/{key}/evidence,
 * authenticated by the Tasklist login and the webapps' CSRF token). Refusals (too large, a type not allowed, not a
 * task of yours) are shown as the API's problem detail. Texts are set as text, never as HTML.
 */
const ENGINE_API = '/camunda/api/engine/engine/default';

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

function csrfToken() {
  const match = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : null;
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = 'HTTP ' + response.status;
    try {
      detail = (await response.json()).detail || detail;
    } catch (ignored) {
      // keep the status
    }
    throw new Error(detail);
  }
  return response.json();
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

async function show(node, taskId) {
  node.textContent = 'Loading the evidence…';
  let key;
  try {
    key = (await getJson(ENGINE_API + '/task/' + encodeURIComponent(taskId) + '/localVariables/pilotKey')).value;
  } catch (error) {
    node.textContent = 'This task belongs to no pilot.';
    return;
  }
  const pilotPath = '/api/pilots/' + encodeURIComponent(key);
  let pilot;
  let files;
  try {
    pilot = await getJson(pilotPath);
    files = await getJson(pilotPath + '/evidence?step=' + encodeURIComponent(pilot.currentStep));
  } catch (error) {
    node.textContent = 'Could not load the evidence: ' + error.message;
    return;
  }
  node.textContent = '';
  node.appendChild(element('p', null, 'Evidence files of ' + pilot.key + ' for ' + String(pilot.currentStep)
    .toLowerCase().replace(/_/g, ' ') + '. A file of a name already listed becomes its next version; earlier versions stay.'));
  if (!files.length) {
    node.appendChild(element('p', 'pilot-lifecycle-evidence-empty', 'No evidence files yet.'));
  } else {
    const table = element('table', 'cam-table pilot-lifecycle-evidence');
    const head = element('tr');
    ['File', 'Version', 'SHA-256', 'Size', 'By', 'When'].forEach(title => head.appendChild(element('th', null, title)));
    table.appendChild(head);
    files.forEach(file => {
      const row = element('tr');
      const name = element('td');
      const link = element('a', null, file.name);
      link.href = file.downloadUrl;
      link.setAttribute('download', file.name);
      name.appendChild(link);
      row.appendChild(name);
      [file.version, file.sha256, file.sizeBytes + ' bytes', file.uploadedBy, when(file.uploadedAt)]
        .forEach(value => row.appendChild(element('td', null, value)));
      row.setAttribute('data-evidence', file.name + ' v' + file.version);
      table.appendChild(row);
    });
    node.appendChild(table);
  }
  const form = element('form', 'pilot-lifecycle-evidence-upload');
  const input = element('input');
  input.type = 'file';
  input.name = 'file';
  input.className = 'pilot-lifecycle-evidence-file';
  const button = element('button', 'btn btn-default', 'Upload');
  button.type = 'submit';
  const status = element('span', 'pilot-lifecycle-evidence-status');
  form.appendChild(input);
  form.appendChild(button);
  form.appendChild(status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!input.files || !input.files.length) {
      status.textContent = ' Choose a file first.';
      return;
    }
    const data = new FormData();
    data.append('taskId', taskId);
    data.append('file', input.files[0]);
    status.textContent = ' Uploading…';
    const headers = { Accept: 'application/json' };
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    const response = await fetch(pilotPath + '/evidence', { method: 'POST', credentials: 'same-origin', headers, body: data });
    if (!response.ok) {
      let detail = 'HTTP ' + response.status;
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) {
        // keep the status
      }
      status.textContent = ' Refused: ' + detail;
      return;
    }
    show(node, taskId);
  });
  node.appendChild(form);
}

export default {
  id: 'pilotLifecycle.evidenceTab',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  properties: {
    label: 'Evidence'
  },
  render: (node, { taskId }) => {
    const container = element('div', 'pilot-lifecycle-evidence-tab');
    container.style.padding = '8px 0';
    node.appendChild(container);
    if (taskId) {
      show(container, taskId);
    }
  }
};

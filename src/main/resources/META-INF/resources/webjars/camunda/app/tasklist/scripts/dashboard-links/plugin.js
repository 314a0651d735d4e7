/*
 * Pilot Lifecycle in Tasklist: a link to the portfolio dashboard in the header (tasklist.navbar.action), and on
 * every task card a link to its pilot's page (tasklist.card). The card plugin reads the task's own card variable
 * pilotKey (a task-local copy its holders may read, see TaskCardVariables) through the webapps' engine API; a task
 * without one (a standalone task) shows no link. Texts and URLs are set as text and attributes, never as HTML.
 */
const ENGINE_API = '/camunda/api/engine/engine/default';

function anchor(href, text, className) {
  const node = document.createElement('a');
  node.href = href;
  node.textContent = text;
  if (className) {
    node.className = className;
  }
  return node;
}

export default [
  {
    id: 'pilotLifecycle.portfolioDashboardLink',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: (node) => {
      const link = anchor('/dashboard', 'Portfolio dashboard', 'pilot-lifecycle-dashboard-link');
      link.setAttribute('data-pilot-lifecycle', 'portfolio-dashboard');
      link.style.cssText = 'display:inline-block;padding:15px 10px;';
      node.appendChild(link);
    }
  },
  {
    id: 'pilotLifecycle.pilotPageLink',
    pluginPoint: 'tasklist.card',
    priority: 10,
    render: (node, { taskId }) => {
      if (!taskId) {
        return;
      }
      fetch(ENGINE_API + '/task/' + encodeURIComponent(taskId) + '/localVariables/pilotKey',
        { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(response => (response.ok ? response.json() : null))
        .then(variable => {
          if (!variable || typeof variable.value !== 'string' || !variable.value) {
            return;
          }
          const link = anchor('/dashboard/pilots/' + encodeURIComponent(variable.value), 'Pilot page',
            'pilot-lifecycle-pilot-link');
          link.setAttribute('data-pilot-key', variable.value);
          link.target = '_blank';
          link.rel = 'noopener';
          // A click on the card opens the task; the link opens the pilot's page instead.
          link.addEventListener('click', event => event.stopPropagation());
          node.appendChild(link);
        })
        .catch(() => undefined);
    }
  }
];

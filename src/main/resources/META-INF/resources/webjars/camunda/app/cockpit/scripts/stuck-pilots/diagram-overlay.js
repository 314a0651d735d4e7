/*
 * Pilot Lifecycle: where pilots are stuck, on each process diagram in Cockpit.
 * On every activity where pilots wait stuck (phase or stage overdue, a check failed into an incident, a gate
 * waiting too long for its sign-off) a badge per reason with the number of pilots, coloured by reason; a click
 * lists those pilots (key, name, since when) with a link to each one's process instance. Pilots stuck in a
 * process this one calls show at the call activity. Reads GET /api/pilots/stuck/activities with the Cockpit
 * login (a read: no CSRF token). Every text is set as text, never as HTML (pilot names are people's input).
 */
const REASONS = [
  { id: 'STEP_OVERDUE', label: 'Phase or stage overdue', short: 'overdue' },
  { id: 'CHECK_INCIDENT', label: 'Check failed (incident)', short: 'incident' },
  { id: 'GATE_WAITING', label: 'Gate waiting for sign-off', short: 'gate waiting' }
];
const OVERLAY_TYPE = 'pilot-lifecycle-stuck';
const LISTED = 20;

const STYLE = `
  .pilot-lifecycle-stuck-overlay { display: flex; gap: 2px; font: 12px/1 sans-serif; position: relative; z-index: 10; }
  .pilot-lifecycle-stuck-badge { cursor: pointer; border-radius: 9px; min-width: 18px; padding: 3px 6px;
    text-align: center; font-weight: bold; color: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.35); border: 0; }
  .pilot-lifecycle-stuck-STEP_OVERDUE { background: #b5152b; }
  .pilot-lifecycle-stuck-CHECK_INCIDENT { background: #e8590c; }
  .pilot-lifecycle-stuck-GATE_WAITING { background: #f0ad00; color: #222; }
  .pilot-lifecycle-stuck-popup { display: none; position: absolute; top: 22px; left: 0; z-index: 1000;
    background: #fff; color: #333; border: 1px solid #999; border-radius: 3px; padding: 6px 8px;
    box-shadow: 0 2px 8px rgba(0,0,0,.3); min-width: 280px; max-height: 320px; overflow-y: auto;
    font: 12px/1.4 sans-serif; white-space: nowrap; cursor: auto; }
  .pilot-lifecycle-stuck-overlay.open .pilot-lifecycle-stuck-popup { display: block; }
  .pilot-lifecycle-stuck-popup h4 { margin: 0 0 4px; font-size: 12px; }
  .pilot-lifecycle-stuck-popup table { border-collapse: collapse; }
  .pilot-lifecycle-stuck-popup td { padding: 1px 6px 1px 0; vertical-align: top; }
  .pilot-lifecycle-stuck-dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; }
  .pilot-lifecycle-stuck-more { color: #666; margin-top: 4px; }
`;

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

function humanDuration(seconds) {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  if (days > 0) {
    return days + ' d ' + hours + ' h';
  }
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? hours + ' h ' + minutes + ' min' : minutes + ' min';
}

function addStyle() {
  if (!document.getElementById('pilot-lifecycle-stuck-style')) {
    const style = element('style', null, STYLE);
    style.id = 'pilot-lifecycle-stuck-style';
    document.head.appendChild(style);
  }
}

/** The list of an activity's stuck pilots, each linked to the process instance it waits in. */
function popup(activity) {
  const box = element('div', 'pilot-lifecycle-stuck-popup');
  box.appendChild(element('h4', null, 'Stuck at ' + (activity.activityName || activity.activityId)));
  const table = element('table', 'pilot-lifecycle-stuck-pilots');
  activity.pilots.forEach(pilot => {
    const reason = REASONS.find(candidate => candidate.id === pilot.reason) || { id: pilot.reason, label: pilot.reason };
    const row = element('tr', 'pilot-lifecycle-stuck-pilot');
    row.setAttribute('data-pilot-key', pilot.pilotKey);
    const dot = element('span', 'pilot-lifecycle-stuck-dot pilot-lifecycle-stuck-' + reason.id);
    dot.title = reason.label;
    const where = element('td');
    where.appendChild(dot);
    row.appendChild(where);
    const who = element('td');
    const link = element('a', 'pilot-lifecycle-stuck-link', pilot.pilotKey);
    link.href = '#/process-instance/' + encodeURIComponent(pilot.processInstanceId) + '/runtime';
    link.title = 'Open the process instance ' + pilot.processInstanceId;
    who.appendChild(link);
    who.appendChild(element('br'));
    who.appendChild(element('small', null, pilot.name));
    row.appendChild(who);
    const why = element('td', null, reason.label);
    if (pilot.waitingActivity && pilot.waitingActivity !== activity.activityName) {
      why.appendChild(element('br'));
      why.appendChild(element('small', null, 'at ' + pilot.waitingActivity));
    }
    row.appendChild(why);
    const since = element('td', 'pilot-lifecycle-stuck-since', humanDuration(pilot.overdueSeconds));
    since.title = 'since ' + pilot.since;
    row.appendChild(since);
    table.appendChild(row);
  });
  box.appendChild(table);
  if (activity.total > activity.pilots.length) {
    box.appendChild(element('div', 'pilot-lifecycle-stuck-more',
      (activity.total - activity.pilots.length) + ' more, longest stuck listed first; all on the dashboard'));
  }
  return box;
}

function overlayFor(activity) {
  const node = element('div', 'pilot-lifecycle-stuck-overlay');
  node.setAttribute('data-activity-id', activity.activityId);
  REASONS.forEach(reason => {
    const count = activity.counts[reason.id] || 0;
    if (count > 0) {
      const badge = element('button', 'pilot-lifecycle-stuck-badge pilot-lifecycle-stuck-' + reason.id, count);
      badge.type = 'button';
      badge.setAttribute('data-reason', reason.id);
      badge.title = count + ' stuck: ' + reason.label.toLowerCase() + ' (click for the pilots)';
      node.appendChild(badge);
    }
  });
  node.appendChild(popup(activity));
  node.addEventListener('click', event => {
    if (event.target.closest('.pilot-lifecycle-stuck-badge')) {
      node.classList.toggle('open');
      event.stopPropagation();
    }
  });
  // The diagram pans on a drag: keep clicks, scrolling and selections in the list to the list.
  ['mousedown', 'wheel', 'dblclick'].forEach(type => node.addEventListener(type, event => event.stopPropagation()));
  return node;
}

let rendered = null;

export default {
  id: 'pilotLifecycle.stuckOverlay',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 10,
  render: (viewer, { processDefinitionId }) => {
    addStyle();
    const overlays = viewer.get('overlays');
    const elementRegistry = viewer.get('elementRegistry');
    rendered = overlays;
    const path = '/api/pilots/stuck/activities?listed=' + LISTED + '&processDefinitionId='
      + encodeURIComponent(processDefinitionId);
    fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status + ' from ' + path);
        }
        return response.json();
      })
      .then(diagram => {
        diagram.activities.forEach(activity => {
          if (elementRegistry.get(activity.activityId)) {
            overlays.add(activity.activityId, OVERLAY_TYPE, {
              position: { top: -16, left: 0 },
              show: { minZoom: -Infinity, maxZoom: +Infinity },
              html: overlayFor(activity)
            });
          }
        });
      })
      .catch(error => {
        // The diagram stays as Cockpit draws it; say why the stuck pilots are missing.
        console.warn('Pilot Lifecycle: cannot show the stuck pilots on the diagram: ' + error.message); // eslint-disable-line
      });
  },
  unmount: () => {
    if (rendered) {
      rendered.remove({ type: OVERLAY_TYPE });
      rendered = null;
    }
  }
};

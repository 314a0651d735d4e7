/*
 * Pilot Lifecycle: "Stuck pilots" on the Cockpit dashboard.
 * Lists the pilots that are stuck (phase or stage overdue, a check that failed into an incident, a gate
 * waiting too long for its sign-off) with the reason and how long, each linked to its process instance,
 * and charts the pilots per phase or stage. Reads the application's API with the Cockpit login.
 */
const REASONS = {
  STEP_OVERDUE: 'Phase or stage overdue',
  CHECK_INCIDENT: 'Check failed (incident)',
  GATE_WAITING: 'Gate waiting for sign-off'
};

function escape(text) {
  return String(text === null || text === undefined ? '' : text)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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

function stepLabel(step) {
  return String(step || '').toLowerCase().replace(/_/g, ' ');
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error('HTTP ' + response.status + ' from ' + path);
  }
  return response.json();
}

function stuckTable(page) {
  if (!page.content.length) {
    return '<p class="pilot-lifecycle-none">No pilot is stuck.</p>';
  }
  const rows = page.content.map(stuck => `
    <tr>
      <td><a href="#/process-instance/${encodeURIComponent(stuck.processInstanceId)}/runtime">${escape(stuck.pilotKey)}</a><br>
          <small>${escape(stuck.name)}</small></td>
      <td>${escape(stuck.framework === 'FIVE_PHASE' ? 'five-phase' : 'four-stage')}: ${escape(stepLabel(stuck.currentStep))}</td>
      <td>${escape(REASONS[stuck.reason] || stuck.reason)}${stuck.detail ? '<br><small>' + escape(stuck.detail) + '</small>' : ''}</td>
      <td>${escape(stuck.waitingActivity)}<br><small>${escape((stuck.waitingFor || []).join(', '))}</small></td>
      <td class="pilot-lifecycle-overdue">${escape(humanDuration(stuck.overdueSeconds))}</td>
    </tr>`).join('');
  return `
    <table class="cam-table pilot-lifecycle-stuck">
      <thead><tr><th>Pilot</th><th>Where</th><th>Why</th><th>Waiting at / for</th><th>Stuck for</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
    <p><small>${page.totalElements} stuck in all; longest first.</small></p>`;
}

function stepChart(counts) {
  const active = counts.filter(count => count.status === 'ACTIVE' || count.status === 'ON_HOLD');
  const perStep = {};
  active.forEach(count => {
    const key = (count.framework === 'FIVE_PHASE' ? 'Five-phase' : 'Four-stage') + ': ' + stepLabel(count.step);
    perStep[key] = (perStep[key] || 0) + count.pilots;
  });
  const entries = Object.entries(perStep).sort();
  if (!entries.length) {
    return '<p class="pilot-lifecycle-none">No active pilots.</p>';
  }
  const max = Math.max(...entries.map(entry => entry[1]));
  return entries.map(([step, pilots]) => `
    <div class="pilot-lifecycle-bar">
      <span class="pilot-lifecycle-bar-label">${escape(step)}</span>
      <span class="pilot-lifecycle-bar-fill" style="width:${Math.max(2, Math.round(pilots / max * 60))}%"></span>
      <span class="pilot-lifecycle-bar-value">${pilots}</span>
    </div>`).join('');
}

const STYLE = `
  .pilot-lifecycle-stuck td { vertical-align: top; }
  .pilot-lifecycle-overdue { color: #b5152b; font-weight: bold; white-space: nowrap; }
  .pilot-lifecycle-bar { display: flex; align-items: center; margin: 2px 0; }
  .pilot-lifecycle-bar-label { width: 40%; }
  .pilot-lifecycle-bar-fill { display: inline-block; height: 12px; background: #3b82f6; margin-right: 6px; }
`;

export default {
  id: 'pilotLifecycle.stuckPilots',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => {
    node.innerHTML = `
      <style>${STYLE}</style>
      <section class="pilot-lifecycle">
        <h1 class="section-title">Stuck pilots</h1>
        <p><a href="/dashboard" data-pilot-lifecycle="portfolio-dashboard">Open the portfolio dashboard</a>: the funnel,
          where pilots wait, time to production, maturity, value and where pilots die.</p>
        <div class="pilot-lifecycle-stuck-body">Loading stuck pilots…</div>
        <h3>Pilots per phase or stage</h3>
        <div class="pilot-lifecycle-chart-body">Loading…</div>
      </section>`;
    const stuckBody = node.querySelector('.pilot-lifecycle-stuck-body');
    const chartBody = node.querySelector('.pilot-lifecycle-chart-body');
    getJson('/api/pilots/stuck?size=50')
      .then(page => { stuckBody.innerHTML = stuckTable(page); })
      .catch(error => { stuckBody.textContent = 'Cannot load the stuck pilots: ' + error.message; });
    getJson('/api/pilots/counts')
      .then(counts => { chartBody.innerHTML = stepChart(counts); })
      .catch(error => { chartBody.textContent = 'Cannot load the pilots per phase or stage: ' + error.message; });
  }
};

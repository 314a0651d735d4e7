/*
 * A pilot's page (/dashboard/pilots/{key}): its people, risk tier, current step and due date, a timeline of its
 * steps with gate decisions and overdue decisions, its KPI (and in stage 3 the weekly adoption curve against the
 * target line), its checks, its open tasks and who holds them, and a link to its process instance in Cockpit.
 * Reads GET /api/pilots/{key}, /history, /kpis and /tasks: a pilot the caller may not see is the API's 404, and the
 * page says so without showing anything of it.
 */
import {
  chart, day, element, getJson, start, label, link, message, money, number, refusal, table, when
} from './common.js';

const PEOPLE = [
  ['executiveOwner', 'Executive owner'],
  ['aiProductOwner', 'AI product owner'],
  ['techLead', 'Tech lead'],
  ['riskComplianceOwner', 'Risk and compliance owner'],
  ['changeManager', 'Change manager'],
  ['lineManager', 'Line manager']
];
/** Audit entries that end a pilot's current phase or stage on the timeline. */
const STEP_ENDS = ['STEP_STARTED', 'IN_PRODUCTION', 'STOPPED', 'WITHDRAWN', 'RETIRED'];
const HISTORY_PAGE = 500;
const HISTORY_PAGES = 20;

function pilotKey() {
  const parts = window.location.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] || '');
}

function facts(node, entries) {
  node.textContent = '';
  entries.forEach(([term, value, className, field]) => {
    node.appendChild(element('dt', null, term));
    const description = element('dd', className, value === null || value === undefined || value === '' ? '–' : value);
    description.setAttribute('data-field', field || term);
    node.appendChild(description);
  });
}

async function history(path) {
  const entries = [];
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const result = await getJson(path + '/history?size=' + HISTORY_PAGE + '&page=' + page);
    entries.push(...result.content);
    if (page + 1 >= result.totalPages) {
      break;
    }
  }
  return entries;
}

function details(entry) {
  if (!entry.details) {
    return {};
  }
  return typeof entry.details === 'string' ? JSON.parse(entry.details) : entry.details;
}

function overview(pilot) {
  document.title = pilot.key + ' · ' + pilot.name + ' · Pilot Lifecycle';
  document.getElementById('title').textContent = pilot.name + ' (' + pilot.key + ')';
  const overdue = pilot.stepDueAt && pilot.status === 'ACTIVE' && new Date(pilot.stepDueAt) < new Date();
  facts(document.getElementById('facts'), [
    ['Business unit', pilot.businessUnit, null, 'businessUnit'],
    ['Framework', label(pilot.framework), null, 'framework'],
    ['Status', label(pilot.status) + (pilot.statusReason ? ': ' + pilot.statusReason : ''), null, 'status'],
    ['Phase or stage', label(pilot.currentStep), null, 'currentStep'],
    ['Due', pilot.stepDueAt ? day(pilot.stepDueAt) + (overdue ? ' (overdue)' : '') : '', overdue ? 'overdue' : null,
      'stepDueAt'],
    ['Registered', day(pilot.registeredAt) + (pilot.registeredBy ? ' by ' + pilot.registeredBy : ''), null, 'registered'],
    ['In production since', day(pilot.inProductionAt), null, 'inProductionAt'],
    ['Use case', pilot.useCaseDescription, null, 'useCase']
  ].concat(pilot.stopRootCause ? [['Why it ended', pilot.stopRootCause.label
    + (pilot.stopRootCause.text ? ': ' + pilot.stopRootCause.text : ''), null, 'rootCause']] : []));
  facts(document.getElementById('people'), PEOPLE.map(([field, title]) => [title, (pilot.people || {})[field], null,
    field]));
  const risk = pilot.risk || {};
  facts(document.getElementById('risk'), [
    ['Risk tier', label(risk.riskTier), null, 'riskTier'],
    ['Affects individuals', risk.affectsIndividuals ? 'yes' : 'no'],
    ['Regulated domain', risk.regulatedDomain ? 'yes' : 'no'],
    ['Personal data', risk.processesPersonalData ? 'yes' : 'no'],
    ['Autonomy', label(risk.autonomy)],
    ['Human in the loop required', risk.humanInTheLoopRequired === undefined ? '' : (risk.humanInTheLoopRequired ? 'yes' : 'no')]
  ]);
  if (pilot.processInstanceId) {
    const cockpit = document.getElementById('cockpit-link');
    cockpit.href = '/camunda/app/cockpit/default/#/process-instance/' + encodeURIComponent(pilot.processInstanceId)
      + '/runtime';
    cockpit.hidden = false;
  }
  if (pilot.production) {
    document.getElementById('panel-production').hidden = false;
    facts(document.getElementById('production'), [
      ['Re-certification due', day(pilot.production.recertificationDueAt), null, 'recertificationDueAt'],
      ['Last re-certified', day(pilot.production.lastRecertifiedAt), null, 'lastRecertifiedAt'],
      ['Retired', day(pilot.production.retiredAt), null, 'retiredAt'],
      ['Days in production', pilot.production.timeInProductionDays === undefined ? ''
        : number(pilot.production.timeInProductionDays), null, 'timeInProductionDays']
    ]);
  }
}

/** The phases or stages as bars from start to end (the next one's start, production, the end, or now). */
function timeline(pilot, entries) {
  const starts = entries.filter(e => STEP_ENDS.includes(e.type) && !(e.type === 'STEP_STARTED' && e.name));
  const spans = [];
  starts.forEach((entry, i) => {
    if (entry.type !== 'STEP_STARTED') {
      return;
    }
    const next = starts[i + 1];
    spans.push({ step: entry.step, from: entry.occurredAt, to: next ? next.occurredAt : new Date().toISOString(),
      open: !next });
  });
  const steps = [];
  spans.forEach(span => {
    if (!steps.includes(span.step)) {
      steps.push(span.step);
    }
  });
  const decisions = entries.filter(e => e.type === 'GATE_DECISION' || e.type === 'OVERDUE_DECISION'
    || e.type === 'STEERING_DECISION');
  const marks = decisions.filter(d => steps.includes(d.step));
  const node = document.getElementById('chart-timeline');
  chart(node, 'timeline', {
    tooltip: { trigger: 'item' },
    legend: { top: 0, data: ['Phase or stage', 'Gate decision', 'Overdue or steering decision'] },
    grid: { left: 200, right: 24, top: 30, bottom: 40 },
    xAxis: { type: 'time' },
    yAxis: { type: 'category', inverse: true, data: steps.map(label) },
    series: [
      { name: 'Phase or stage', type: 'custom',
        renderItem: (params, api) => {
          const from = api.coord([api.value(1), api.value(0)]);
          const end = api.coord([api.value(2), api.value(0)]);
          const height = api.size([0, 1])[1] * 0.5;
          return { type: 'rect', shape: { x: from[0], y: from[1] - height / 2, width: Math.max(2, end[0] - from[0]),
            height }, style: api.style() };
        },
        encode: { x: [1, 2], y: 0 },
        data: spans.map(s => [steps.indexOf(s.step), s.from, s.to]) },
      { name: 'Gate decision', type: 'scatter', symbol: 'diamond', symbolSize: 14,
        data: marks.filter(d => d.type === 'GATE_DECISION').map(d => ({ value: [d.occurredAt, steps.indexOf(d.step)],
          name: (d.actor || '') + ': ' + (d.outcome || '') })) },
      { name: 'Overdue or steering decision', type: 'scatter', symbol: 'triangle', symbolSize: 14,
        itemStyle: { color: '#b5152b' },
        data: marks.filter(d => d.type !== 'GATE_DECISION').map(d => ({ value: [d.occurredAt, steps.indexOf(d.step)],
          name: (d.actor || '') + ': ' + (d.outcome || '') })) }
    ]
  });
  const list = document.getElementById('decisions');
  list.textContent = '';
  list.appendChild(element('h3', null, 'Decisions'));
  if (!decisions.length) {
    list.appendChild(element('p', null, 'No gate or overdue decision yet.'));
    return;
  }
  const rows = decisions.map(d => [when(d.occurredAt), label(d.type), label(d.step), d.name || '', d.actor, d.outcome,
    d.reason]);
  const decisionTable = table(['When', 'Decision', 'Phase or stage', 'Gate', 'Who', 'Outcome', 'Reason'], rows);
  decisionTable.setAttribute('data-table', 'decisions');
  list.appendChild(decisionTable);
}

function kpi(pilot, measurements) {
  const metric = pilot.successMetric;
  const hint = document.getElementById('kpi-hint');
  const business = measurements.filter(m => m.kind === 'BUSINESS');
  if (!metric && !business.length) {
    hint.textContent = 'No success metric defined yet.';
    document.getElementById('chart-kpi').hidden = true;
    return;
  }
  const name = metric ? metric.name : business[0].kpi;
  const unit = metric ? metric.unit : business[0].unit;
  const baseline = metric ? metric.baseline : business[0].baseline;
  const target = metric ? metric.target : business[0].target;
  hint.textContent = name + (unit ? ' (' + unit + ')' : '') + ': baseline ' + number(baseline, 4) + ', target '
    + number(target, 4) + (metric && metric.annualValue !== undefined ? ', projected annual value '
      + money(metric.annualValue) : '') + '. Measured at each confirmed value checkpoint in production.';
  const lines = [];
  if (baseline !== undefined && baseline !== null) {
    lines.push({ name: 'Baseline', yAxis: baseline, lineStyle: { type: 'dashed', color: '#5b6b7c' } });
  }
  if (target !== undefined && target !== null) {
    lines.push({ name: 'Target', yAxis: target, lineStyle: { type: 'solid', color: '#2e7d32' } });
  }
  chart(document.getElementById('chart-kpi'), 'kpi', {
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 80, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: business.length ? business.map(m => m.checkpoint) : ['not measured yet'] },
    yAxis: { type: 'value', name: unit || '', scale: true },
    series: [{
      name: name, type: 'line', symbolSize: 10, label: { show: true },
      data: business.map(m => m.measured),
      markLine: { symbol: 'none', label: { formatter: '{b}: {c}' }, data: lines }
    }]
  });
}

function adoption(entries) {
  const weeks = entries.filter(e => e.type === 'ADOPTION_MEASURED').map(details);
  if (!weeks.length) {
    return;
  }
  document.getElementById('panel-adoption').hidden = false;
  const target = weeks[weeks.length - 1].targetPercent;
  chart(document.getElementById('chart-adoption'), 'adoption', {
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 80, top: 24, bottom: 32 },
    xAxis: { type: 'category', name: 'week', data: weeks.map(w => w.week) },
    yAxis: { type: 'value', name: '%', max: 100 },
    series: [{
      name: 'Adoption rate', type: 'line', symbolSize: 8, label: { show: true },
      data: weeks.map(w => Number(w.adoptionRate)),
      markLine: { symbol: 'none', label: { formatter: 'Target {c}%' }, data: [{ name: 'Target', yAxis: target }],
        lineStyle: { color: '#2e7d32' } }
    }]
  });
}

function checks(pilot) {
  const node = document.getElementById('checks');
  node.textContent = '';
  if (!pilot.checks || !pilot.checks.length) {
    node.appendChild(element('p', null, 'No readiness check has run yet.'));
    return;
  }
  node.appendChild(table(['Check', 'Phase or stage', 'Outcome', 'Why', 'When'], pilot.checks.map(c => {
    const outcome = element('span', c.passed ? 'good' : 'below', c.passed ? 'passed' : 'failed');
    return [label(c.check), label(c.step), outcome, c.summary, when(c.checkedAt)];
  })));
}

function tasks(open) {
  const node = document.getElementById('tasks');
  node.textContent = '';
  if (!open.length) {
    node.appendChild(element('p', null, 'No open task.'));
    return;
  }
  const taskTable = table(['Task', 'Held by', 'Since', 'Due'], open.map(task => [
    link(task.tasklistUrl, task.name),
    task.assignee ? task.assignee + ' (claimed)' : task.candidateUsers.concat(task.candidateGroups.map(g => 'group ' + g))
      .join(', '),
    day(task.created), day(task.due)]));
  taskTable.setAttribute('data-table', 'tasks');
  node.appendChild(taskTable);
}

async function main() {
  const status = document.getElementById('status');
  if (!(await start())) {
    return;
  }
  const key = pilotKey();
  const path = '/api/pilots/' + encodeURIComponent(key);
  let pilot;
  try {
    pilot = await getJson(path);
  } catch (error) {
    message(status, refusal(error, 'pilot ' + key), true);
    document.body.setAttribute('data-state', 'refused');
    return;
  }
  document.getElementById('content').hidden = false;
  overview(pilot);
  checks(pilot);
  const [entries, measurements, open] = await Promise.all([
    history(path).catch(error => {
      message(document.getElementById('decisions'), refusal(error, 'the audit trail'), true);
      return [];
    }),
    getJson(path + '/kpis').catch(() => []),
    getJson(path + '/tasks').catch(error => {
      message(document.getElementById('tasks'), refusal(error, 'the open tasks'), true);
      return null;
    })
  ]);
  timeline(pilot, entries);
  kpi(pilot, measurements);
  adoption(entries);
  if (open) {
    tasks(open);
  }
  document.body.setAttribute('data-state', 'ready');
}

main();

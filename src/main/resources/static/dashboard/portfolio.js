/*
 * The portfolio dashboard (/dashboard): the funnel of pilots per phase or stage and status, where pilots wait
 * longest, time to production and its trend, the maturity level with its evidence, stuck pilots by reason, KPI
 * baseline against target, value realised against projected, and where pilots die. Every figure comes from the API
 * (GET /api/portfolio, /api/pilots/stuck/counts, /api/portfolio/root-causes) and links to the pilots behind it.
 * Filters (business unit, framework) are in the URL, so a filtered view can be bookmarked and printed.
 */
import {
  chart, day, element, figuresTable, getJson, start, label, link, message, money, number, pilotHref, refusal, table
} from './common.js';

const params = new URLSearchParams(window.location.search);
const filter = { businessUnit: params.get('businessUnit') || '', framework: params.get('framework') || '' };

function query(extra) {
  const q = new URLSearchParams();
  if (filter.businessUnit) {
    q.set('businessUnit', filter.businessUnit);
  }
  if (filter.framework) {
    q.set('framework', filter.framework);
  }
  Object.entries(extra || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      q.set(name, value);
    }
  });
  const text = q.toString();
  return text ? '?' + text : '';
}

/** Lists the pilots behind a figure below the charts, each linking to its page. */
function showBehind(title, pilots) {
  document.getElementById('behind-title').textContent = title;
  const list = document.getElementById('behind-list');
  list.textContent = '';
  if (!pilots.length) {
    list.appendChild(element('p', null, 'No pilots.'));
    return;
  }
  list.appendChild(table(['Pilot', 'Name', 'Business unit', 'Phase or stage', 'Status'],
    pilots.map(p => [link(pilotHref(p.key), p.key), p.name, p.businessUnit, label(p.currentStep), label(p.status)])));
  document.getElementById('behind').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function behindStep(step, status, framework) {
  try {
    const page = await getJson('/api/pilots' + query({ step, status, framework: framework || filter.framework, size: 200 }));
    showBehind(label(step) + ' · ' + label(status) + ' (' + page.totalElements + ')', page.content);
  } catch (error) {
    message(document.getElementById('behind-list'), refusal(error, 'these pilots'), true);
  }
}

function figures(portfolio, stuckCounts) {
  const production = portfolio.production;
  const stuck = Object.values(stuckCounts).reduce((a, b) => a + b, 0);
  const node = document.getElementById('figures');
  node.textContent = '';
  [
    ['pilots', 'Pilots', portfolio.pilots],
    ['inProduction', 'In production', production.inProduction],
    ['paused', 'Paused', production.paused],
    ['retired', 'Retired', production.retired],
    ['maturity', 'Maturity level', portfolio.maturity.level],
    ['stuck', 'Stuck now', stuck],
    ['realisedValue', 'Value realised (annual)', money(production.realisedValue)],
    ['projectedValue', 'Value projected (annual)', money(production.projectedValue)],
    ['recertificationsDue', 'Re-certifications due', production.recertificationsDue],
    ['recertificationsOverdue', 'Re-certifications overdue', production.recertificationsOverdue],
    ['openSignals', 'Open monitoring signals', production.openSignals]
  ].forEach(([key, title, value]) => {
    const figure = element('div', 'figure');
    figure.setAttribute('data-figure', key);
    figure.appendChild(element('div', 'value', value));
    figure.appendChild(element('div', 'label', title));
    node.appendChild(figure);
  });
}

function funnel(portfolio) {
  const steps = [];
  const statuses = [];
  portfolio.pilotsPerStep.forEach(count => {
    const step = count.framework + ':' + count.step;
    if (!steps.includes(step)) {
      steps.push(step);
    }
    if (!statuses.includes(count.status)) {
      statuses.push(count.status);
    }
  });
  const node = document.getElementById('chart-funnel');
  const instance = chart(node, 'funnel', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 170, right: 24, top: 30, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: steps.map(step => label(step.split(':')[1])) },
    series: statuses.map(status => ({
      name: label(status), type: 'bar', stack: 'pilots', label: { show: true, formatter: p => (p.value ? p.value : '') },
      data: steps.map(step => {
        const found = portfolio.pilotsPerStep.find(c => c.framework + ':' + c.step === step && c.status === status);
        return found ? found.pilots : null;
      })
    }))
  });
  instance.on('click', event => {
    const [framework, step] = steps[event.dataIndex].split(':');
    behindStep(step, statuses[event.seriesIndex], framework);
  });
  const rows = portfolio.pilotsPerStep.map(count => {
    const anchor = link('#', String(count.pilots));
    anchor.addEventListener('click', e => {
      e.preventDefault();
      behindStep(count.step, count.status, count.framework);
    });
    return [label(count.framework), label(count.step), label(count.status), anchor];
  });
  node.parentNode.appendChild(figuresTable(['Framework', 'Phase or stage', 'Status', 'Pilots'], rows, [3]));
}

function timeInStep(portfolio) {
  const node = document.getElementById('chart-time-in-step');
  const times = portfolio.timeInStep;
  chart(node, 'timeInStep', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 170, right: 24, top: 30, bottom: 24 },
    xAxis: { type: 'value', name: 'days' },
    yAxis: { type: 'category', inverse: true, data: times.map(t => label(t.step)) },
    series: [
      { name: 'Median', type: 'bar', label: { show: true }, data: times.map(t => t.medianDays) },
      { name: '90th percentile', type: 'bar', label: { show: true }, data: times.map(t => t.p90Days) }
    ]
  });
  node.parentNode.appendChild(figuresTable(['Framework', 'Phase or stage', 'Pilots', 'Median days', '90th percentile days'],
    times.map(t => [label(t.framework), label(t.step), t.samples, number(t.medianDays), number(t.p90Days)]), [2, 3, 4]));
}

function timeToProduction(portfolio) {
  const trend = portfolio.timeToProductionTrend;
  document.getElementById('trend').textContent = trend.pilotsInProduction < 2
    ? 'Days from registration to production per pilot; the trend needs two pilots in production.'
    : 'Days from registration to production per pilot, by when it got there: ' + number(trend.firstDays) + ' days for the '
      + 'first, ' + number(trend.latestDays) + ' for the latest (' + number(trend.changePercent) + '%): '
      + (trend.shrinking ? 'shrinking.' : 'not shrinking by 20% yet.');
  const node = document.getElementById('chart-time-to-production');
  const points = portfolio.timeToProduction;
  const instance = chart(node, 'timeToProduction', {
    tooltip: { trigger: 'item', formatter: p => points[p.dataIndex].pilotKey + ': ' + p.value[1] + ' days' },
    grid: { left: 56, right: 32, top: 36, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: 'days', nameGap: 20 },
    series: [{
      name: 'Time to production', type: 'line', symbolSize: 10, label: { show: true, formatter: p => p.value[1] },
      data: points.map(p => [p.inProductionAt, p.days])
    }]
  });
  instance.on('click', event => {
    window.location.href = pilotHref(points[event.dataIndex].pilotKey);
  });
  node.parentNode.appendChild(figuresTable(['Pilot', 'Framework', 'Registered', 'In production', 'Days'],
    points.map(p => [link(pilotHref(p.pilotKey), p.pilotKey), label(p.framework), day(p.registeredAt),
      day(p.inProductionAt), number(p.days)]), [4]));
}

function maturity(portfolio) {
  const node = document.getElementById('maturity');
  node.textContent = '';
  const level = element('div', 'level', portfolio.maturity.level + ' · ' + portfolio.maturity.label);
  level.setAttribute('data-figure', 'maturityLevel');
  node.appendChild(level);
  const evidence = element('ul');
  portfolio.maturity.evidence.forEach(line => evidence.appendChild(element('li', null, line)));
  node.appendChild(evidence);
}

async function stuckBy(reason) {
  try {
    const page = await getJson('/api/pilots/stuck?size=200');
    const pilots = page.content.filter(s => s.reason === reason)
      .map(s => ({ key: s.pilotKey, name: s.name, businessUnit: '', currentStep: s.step, status: s.reason }));
    showBehind('Stuck: ' + label(reason) + ' (' + pilots.length + ')', pilots);
  } catch (error) {
    message(document.getElementById('behind-list'), refusal(error, 'the stuck pilots'), true);
  }
}

function stuck(stuckCounts) {
  const reasons = Object.keys(stuckCounts);
  const node = document.getElementById('chart-stuck');
  const instance = chart(node, 'stuck', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 170, right: 24, top: 12, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: reasons.map(label) },
    series: [{ name: 'Stuck pilots', type: 'bar', label: { show: true, formatter: p => (p.value ? p.value : '') },
      data: reasons.map(r => stuckCounts[r]),
      itemStyle: { color: '#b5152b' } }]
  });
  instance.on('click', event => stuckBy(reasons[event.dataIndex]));
  node.parentNode.appendChild(figuresTable(['Reason', 'Pilots'], reasons.map(reason => {
    const anchor = link('#', String(stuckCounts[reason]));
    anchor.addEventListener('click', e => {
      e.preventDefault();
      stuckBy(reason);
    });
    return [label(reason), anchor];
  }), [1]));
}

function kpis(portfolio) {
  const measured = {};
  portfolio.production.pilots.forEach(p => {
    measured[p.pilotKey] = p;
  });
  const kpiList = portfolio.kpis.filter(k => k.baseline !== undefined || k.target !== undefined);
  const node = document.getElementById('chart-kpis');
  const instance = chart(node, 'kpis', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: kpiList.map(k => k.pilotKey), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: 'Baseline', type: 'bar', data: kpiList.map(k => k.baseline) },
      { name: 'Target', type: 'bar', data: kpiList.map(k => k.target) },
      { name: 'Measured in production', type: 'bar',
        data: kpiList.map(k => measured[k.pilotKey] && measured[k.pilotKey].checkpoint
          ? kpiMeasuredValue(measured[k.pilotKey], k) : null) }
    ]
  });
  instance.on('click', event => {
    window.location.href = pilotHref(kpiList[event.dataIndex].pilotKey);
  });
  node.parentNode.appendChild(figuresTable(['Pilot', 'KPI', 'Unit', 'Baseline', 'Target', 'Annual value'],
    kpiList.map(k => [link(pilotHref(k.pilotKey), k.pilotKey), k.name, k.unit, number(k.baseline, 4),
      number(k.target, 4), money(k.annualValue)]), [3, 4, 5]));
}

/** The measured KPI, worked back from the share achieved the API gives (baseline + share × (target − baseline)). */
function kpiMeasuredValue(value, kpi) {
  if (value.achievedPercent === undefined || value.achievedPercent === null || kpi.baseline === undefined
    || kpi.target === undefined) {
    return null;
  }
  return Math.round((kpi.baseline + value.achievedPercent / 100 * (kpi.target - kpi.baseline)) * 100) / 100;
}

function value(portfolio) {
  const production = portfolio.production;
  const inOperation = production.pilots.filter(p => p.status === 'IN_PRODUCTION' || p.status === 'PAUSED');
  document.getElementById('value-hint').textContent = 'Annual value of the ' + inOperation.length
    + ' pilot(s) in operation: ' + money(production.realisedValue) + ' realised of ' + money(production.projectedValue)
    + ' projected (the projection assumes the KPI at its target; realised is the share of the way from baseline to'
    + ' target the KPI has come at the latest value checkpoint).';
  const node = document.getElementById('chart-value');
  const instance = chart(node, 'value', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 80, right: 24, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: inOperation.map(p => p.pilotKey), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: 'Projected', type: 'bar', data: inOperation.map(p => p.projectedValue === undefined ? null : p.projectedValue) },
      { name: 'Realised', type: 'bar', data: inOperation.map(p => p.realisedValue === undefined ? null : p.realisedValue) }
    ]
  });
  instance.on('click', event => {
    window.location.href = pilotHref(inOperation[event.dataIndex].pilotKey);
  });
  const rows = production.pilots.map(p => [link(pilotHref(p.pilotKey), p.pilotKey), p.businessUnit, label(p.status),
    money(p.projectedValue), money(p.realisedValue), p.achievedPercent === undefined ? '–' : number(p.achievedPercent) + '%',
    p.checkpoint || '–', label(p.recertification), p.openSignals]);
  node.parentNode.appendChild(figuresTable(['Pilot', 'Business unit', 'Status', 'Projected', 'Realised', 'Achieved',
    'Checkpoint', 'Re-certification', 'Open signals'], rows, [3, 4, 5, 8]));
  node.parentNode.appendChild(figuresTable(['Business unit', 'In operation', 'Projected', 'Realised',
    'Re-certifications due', 'Overdue', 'Open signals'], production.businessUnits.map(u => [u.businessUnit, u.inOperation,
    money(u.projectedValue), money(u.realisedValue), u.recertificationsDue, u.recertificationsOverdue, u.openSignals]),
  [1, 2, 3, 4, 5, 6]));
}

function rootCauses(causes) {
  const node = document.getElementById('chart-root-causes');
  const names = causes.causes.map(c => c.rootCause);
  const instance = chart(node, 'rootCauses', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 200, right: 24, top: 12, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: causes.causes.map(c => c.label) },
    series: [{ name: 'Ended pilots', type: 'bar', label: { show: true, formatter: p => (p.value ? p.value : '') },
      data: names.map(n => causes.total[n] || 0) }]
  });
  const byCause = cause => causes.pilots.filter(p => p.rootCause === cause)
    .map(p => ({ key: p.pilotKey, name: p.name, businessUnit: p.businessUnit, currentStep: p.step, status: p.ended || 'STOPPED' }));
  instance.on('click', event => showBehind('Ended: ' + causes.causes[event.dataIndex].label,
    byCause(names[event.dataIndex])));
  node.parentNode.appendChild(figuresTable(['Root cause', 'Stopped pilots'], causes.causes.map(c => [c.label,
    causes.total[c.rootCause] || 0]), [1]));
  node.parentNode.appendChild(figuresTable(['Month', 'Stopped'].concat(causes.causes.map(c => c.label)),
    causes.byMonth.map(m => [m.month, m.stopped].concat(names.map(n => m.rootCauses[n] || 0)))));
}

function panelError(id, error, what) {
  const node = document.getElementById(id);
  message(node, refusal(error, what), true);
}

async function businessUnits() {
  const select = document.getElementById('filter-business-unit');
  try {
    (await getJson('/api/pilots/business-units')).forEach(unit => {
      const option = element('option', null, unit);
      option.value = unit;
      select.appendChild(option);
    });
  } catch (ignored) {
    // the filter keeps "All business units"
  }
  select.value = filter.businessUnit;
  document.getElementById('filter-framework').value = filter.framework;
  document.getElementById('filters').addEventListener('change', () => {
    const form = new FormData(document.getElementById('filters'));
    const next = new URLSearchParams();
    ['businessUnit', 'framework'].forEach(name => {
      if (form.get(name)) {
        next.set(name, form.get(name));
      }
    });
    window.location.search = next.toString();
  });
}

async function main() {
  const status = document.getElementById('status');
  if (!(await start())) {
    return;
  }
  // The page's four reads go out at once.
  const units = businessUnits();
  const causes = getJson('/api/portfolio/root-causes'
    + (filter.businessUnit ? '?businessUnit=' + encodeURIComponent(filter.businessUnit) : ''));
  causes.catch(() => undefined);
  let portfolio;
  let stuckCounts;
  try {
    [portfolio, stuckCounts] = await Promise.all([getJson('/api/portfolio' + query()),
      getJson('/api/pilots/stuck/counts')]);
  } catch (error) {
    message(status, refusal(error, 'the portfolio'), true);
    document.body.setAttribute('data-state', 'refused');
    return;
  }
  await units;
  figures(portfolio, stuckCounts);
  funnel(portfolio);
  timeInStep(portfolio);
  timeToProduction(portfolio);
  maturity(portfolio);
  stuck(stuckCounts);
  kpis(portfolio);
  value(portfolio);
  try {
    rootCauses(await causes);
  } catch (error) {
    panelError('chart-root-causes', error, 'the root causes');
  }
  document.body.setAttribute('data-state', 'ready');
}

main();

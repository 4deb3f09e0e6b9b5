// 督办台 (docs/console.md): deadlines, escalations, risk ledgers, key leads, unit assessment and a case's timeline for
// the caller's jurisdiction. Every figure comes from /api/console/…; every list pages on the server and its 导出 Excel
// link carries the list's filters. Names and descriptions go into the page as text only (textContent), and charts
// draw on a canvas with their tooltips on the canvas too (no HTML), so what someone typed is shown, never run.
import {renderTimeline} from '/assets/timeline.js';

(() => {
  const SIZE = 20;
  const STATES = {OPEN: '未办结', DUE_SOON: '临期', OVERDUE: '逾期', ESCALATED: '已升级'};
  const LEVELS = {GREEN: '绿', YELLOW: '黄', ORANGE: '橙', RED: '红', UNRATED: '未评级'};
  const LEVEL_COLOURS = {GREEN: '#2e7d32', YELLOW: '#f9a825', ORANGE: '#ef6c00', RED: '#c62828', UNRATED: '#9aa5b1'};
  const LISTS = {SCREENING: '排查清单', RECTIFICATION: '整改清单', CLOSE_OUT: '销号清单'};
  const KINDS = {ESCALATION: '逾期督办', REMINDER: '到期提醒'};
  const CASE_STATUS = {OPEN: '在办', CLOSED: '已销号'};
  const $ = id => document.getElementById(id);
  const regionSelect = $('region');
  const agencySelect = $('agency');
  const picker = ElderGuard.regionPicker(regionSelect);
  const charts = {};
  const loaded = {};
  let time = new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false});
  let agencyLabels = {};
  let timeZone = 'Asia/Shanghai';

  // ---- small helpers -----------------------------------------------------------------------------------------

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function at(value) {
    return value ? time.format(new Date(value)) : '';
  }

  /** The page's scope: the chosen region and agency (docs/console.md, "Scope"). */
  function scope() {
    const params = {};
    if (picker.value()) params.region = picker.value();
    if (agencySelect.value) params.agency = agencySelect.value;
    return params;
  }

  function query(params = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== '' && value !== false) search.set(key, String(value));
    }
    const text = search.toString();
    return text ? '?' + text : '';
  }

  function get(path, params) {
    return ElderGuard.call('GET', path + query(params));
  }

  /** An API error in its section, in the API's own (Chinese) words. */
  function fail(slot, error) {
    $(slot).textContent = error ? error.message : '';
  }

  function cell(row, value, label) {
    const td = el('td', null, value);
    if (label) td.dataset.label = label;
    row.appendChild(td);
    return td;
  }

  /** A case number that opens the case's timeline on this page. */
  function caseCell(row, caseId, label) {
    const td = el('td');
    td.dataset.label = label || '案件';
    if (caseId !== null && caseId !== undefined) {
      const link = el('a', 'case-link', caseId);
      link.href = '#timeline';
      link.dataset.case = caseId;
      link.addEventListener('click', event => {
        event.preventDefault();
        showTimeline(caseId);
      });
      td.appendChild(link);
    }
    row.appendChild(td);
    return td;
  }

  function headers(table) {
    return Array.from(table.querySelectorAll('thead th')).map(th => th.textContent);
  }

  /** Fills a table's body, one row per item; {@code draw(row, item, labels)} adds the cells. */
  function fill(table, items, draw, emptyText) {
    const body = table.querySelector('tbody');
    const labels = headers(table);
    body.replaceChildren();
    if (!items.length) {
      const row = el('tr', 'empty');
      const td = el('td', null, emptyText || '没有符合条件的记录。');
      td.colSpan = labels.length;
      row.appendChild(td);
      body.appendChild(row);
      return;
    }
    for (const item of items) {
      const row = el('tr');
      draw(row, item, labels);
      body.appendChild(row);
    }
  }

  /** A paged list: the filters it was loaded with, its pager and its 导出 Excel twin (docs/console.md). */
  function pagedList({path, table, pager, exportLink, error, params, draw}) {
    const list = {page: 0, filters: {}, asked: 0};
    list.load = async page => {
      list.page = page === undefined ? list.page : page;
      list.filters = params();
      $(exportLink).href = path + '.xlsx' + query(list.filters);
      fail(error, null);
      // Only the latest request draws: a slower answer to an earlier filter must not overwrite it.
      const asked = ++list.asked;
      $(table).dataset.state = 'loading';
      try {
        const data = await get(path, Object.assign({}, list.filters, {page: list.page, size: SIZE}));
        if (asked !== list.asked) return;
        const items = Array.isArray(data) ? data : data.items;
        fill($(table), items, draw);
        drawPager($(pager), list, Array.isArray(data) ? items.length : data.total);
        $(table).dataset.state = 'loaded';
      } catch (e) {
        if (asked !== list.asked) return;
        fill($(table), [], draw, '未能载入。');
        $(pager).replaceChildren();
        fail(error, e);
        $(table).dataset.state = 'failed';
      }
    };
    return list;
  }

  function drawPager(box, list, total) {
    const pages = Math.max(1, Math.ceil(total / SIZE));
    box.replaceChildren();
    const previous = el('button', 'secondary', '上一页');
    previous.type = 'button';
    previous.disabled = list.page <= 0;
    previous.addEventListener('click', () => list.load(list.page - 1));
    const next = el('button', 'secondary', '下一页');
    next.type = 'button';
    next.disabled = list.page + 1 >= pages;
    next.addEventListener('click', () => list.load(list.page + 1));
    const where = el('span', 'page-of', '第 ' + (list.page + 1) + '/' + pages + ' 页，共 ' + total + ' 条');
    box.append(previous, where, next);
  }

  function chart(id) {
    if (typeof echarts === 'undefined') return null;
    if (!charts[id]) charts[id] = echarts.init($(id));
    return charts[id];
  }

  // Tooltips drawn on the canvas (renderMode richText): ECharts' HTML tooltips would put names into markup.
  const TOOLTIP = {trigger: 'axis', renderMode: 'richText', confine: true};

  // ---- 逾期督办 ----------------------------------------------------------------------------------------------

  const tasks = pagedList({path: '/api/console/deadlines/tasks', table: 'tasks', pager: 'tasks-pager',
    exportLink: 'tasks-export', error: 'tasks-error', params: taskParams, draw: (row, t, labels) => {
      row.dataset.task = t.taskId;
      caseCell(row, t.caseId, labels[0]);
      cell(row, t.institutionName, labels[1]);
      cell(row, t.taskName, labels[2]);
      cell(row, t.unitName, labels[3]);
      cell(row, t.assigneeName || t.assignee || '未签收', labels[4]);
      cell(row, at(t.dueAt), labels[5]);
      cell(row, t.daysOverdue > 0 ? t.daysOverdue + ' 天' : '', labels[6]);
      cell(row, t.escalationStep ? '第 ' + t.escalationStep + ' 级' + (t.escalatedTo ? '（' + t.escalatedTo + '）' : '') : '', labels[7]);
      const state = cell(row, STATES[t.state] || t.state, labels[8]);
      state.className = 'state-' + String(t.state).toLowerCase();
    }});

  /** The task list's own filters; a number clicked on the dashboard sets them all (region and exact included). */
  const taskFilter = {region: null, exact: false};

  function taskParams() {
    return {state: $('task-state').value, agency: $('task-agency').value, region: taskFilter.region || picker.value(),
      exact: $('task-exact').checked ? 'true' : '', taskKey: $('task-key').value};
  }

  function describeTaskFilter() {
    const parts = [STATES[$('task-state').value]];
    if ($('task-agency').value) parts.push(agencyLabels[$('task-agency').value] || $('task-agency').value);
    if (taskFilter.regionName) parts.push(taskFilter.regionName + ($('task-exact').checked ? '（仅本级）' : ''));
    else if ($('task-exact').checked) parts.push('仅本级');
    if ($('task-key').value) parts.push($('task-key').selectedOptions[0].textContent);
    $('task-filter-text').textContent = '当前筛选：' + parts.join('，');
  }

  /** Opens the task list with exactly the filters a dashboard number counts. */
  function openTasks(filter) {
    $('task-state').value = filter.state;
    $('task-agency').value = filter.agency || agencySelect.value || '';
    $('task-key').value = filter.taskKey || '';
    $('task-exact').checked = filter.exact === true;
    taskFilter.region = filter.region || null;
    taskFilter.regionName = filter.regionName || null;
    describeTaskFilter();
    tasks.load(0);
    $('tasks-section').scrollIntoView({block: 'start'});
  }

  function numberLink(td, count, filter) {
    const link = el('a', 'count', count);
    link.href = '#tasks-section';
    link.dataset.state = filter.state;
    link.addEventListener('click', event => {
      event.preventDefault();
      openTasks(filter);
    });
    td.appendChild(link);
  }

  let summaryAsked = 0;

  async function loadDeadlines() {
    fail('summary-error', null);
    const box = $('deadline-totals');
    const asked = ++summaryAsked;
    box.dataset.state = 'loading';
    let summary;
    try {
      summary = await get('/api/console/deadlines/summary', scope());
    } catch (e) {
      if (asked !== summaryAsked) return;
      fail('summary-error', e);
      box.dataset.state = 'failed';
      return;
    }
    if (asked !== summaryAsked) return;
    $('as-of').textContent = summary.asOf ? '数据截至 ' + at(summary.asOf) : '';
    for (const total of document.querySelectorAll('#deadline-totals .total')) {
      total.querySelector('.number').textContent = summary.totals[total.dataset.state] ?? 0;
    }
    fill($('by-unit'), summary.byUnit, (row, unit, labels) => {
      row.dataset.unit = unit.agency + '@' + unit.region;
      cell(row, unit.unitName || ((unit.regionName || '') + (unit.agencyLabel || '')), labels[0]);
      cell(row, unit.regionName, labels[1]);
      Object.keys(STATES).forEach((state, i) => {
        const td = cell(row, null, labels[2 + i]);
        numberLink(td, unit[state] ?? 0, {state, agency: unit.agency, region: unit.region, exact: true,
          regionName: unit.unitName || unit.regionName});
      });
    }, '辖区内暂无任务。');
    const taskKey = $('task-key');
    const chosen = taskKey.value;
    taskKey.replaceChildren();
    ElderGuard.option(taskKey, '', '全部任务');
    for (const task of summary.byTask) ElderGuard.option(taskKey, task.taskKey, task.taskName || task.taskKey);
    taskKey.value = chosen;
    fill($('by-task'), summary.byTask, (row, task, labels) => {
      row.dataset.taskKey = task.taskKey;
      cell(row, task.taskName || task.taskKey, labels[0]);
      Object.keys(STATES).forEach((state, i) => {
        const td = cell(row, null, labels[1 + i]);
        numberLink(td, task[state] ?? 0, {state, taskKey: task.taskKey});
      });
    }, '辖区内暂无任务。');
    $('escalations-7').textContent = summary.escalations ? summary.escalations.last7 : '–';
    $('escalations-30').textContent = summary.escalations ? summary.escalations.last30 : '–';
    drawTrend(summary.trend || []);
    drawTree(summary.tree || []);
    box.dataset.state = 'loaded';
  }

  function drawTrend(trend) {
    const c = chart('trend-chart');
    if (!c) return;
    c.setOption({
      tooltip: TOOLTIP,
      legend: {top: 0},
      grid: {left: 40, right: 16, top: 40, bottom: 40},
      xAxis: {type: 'category', data: trend.map(w => w.weekStart.slice(5))},
      yAxis: {type: 'value', minInterval: 1},
      series: [
        {name: '新增', type: 'bar', barMaxWidth: 16, data: trend.map(w => w.created), itemStyle: {color: '#52606d'}},
        {name: '办结', type: 'bar', barMaxWidth: 16, data: trend.map(w => w.completed), itemStyle: {color: '#2e7d32'}},
        {name: '超时办结', type: 'bar', barMaxWidth: 16, data: trend.map(w => w.completedLate), itemStyle: {color: '#ef6c00'}},
        {name: '周末逾期未办', type: 'line', data: trend.map(w => w.overdueAtEnd), itemStyle: {color: '#b71c1c'}}
      ]
    }, true);
  }

  /** The share of overdue among open tasks as a colour: green (none) to deep red (all). */
  function shareColour(share) {
    const s = Math.max(0, Math.min(1, Number(share) || 0));
    if (s === 0) return '#e8f5e9';
    if (s < 0.1) return '#fff3e0';
    if (s < 0.25) return '#ffcc80';
    if (s < 0.5) return '#ef6c00';
    return '#b71c1c';
  }

  function percent(share) {
    return Math.round((Number(share) || 0) * 100) + '%';
  }

  function drawTree(nodes) {
    const byParent = new Map();
    const codes = new Set(nodes.map(n => n.region));
    for (const node of nodes) {
      const parent = codes.has(node.parent) ? node.parent : null;
      if (!byParent.has(parent)) byParent.set(parent, []);
      byParent.get(parent).push(node);
    }
    const list = $('tree-list');
    list.replaceChildren();
    const addItems = (parentList, parent) => {
      for (const node of byParent.get(parent) || []) {
        const item = el('li');
        item.dataset.region = node.region;
        const label = el('span', 'tree-node');
        label.style.background = shareColour(node.overdueShare);
        if (Number(node.overdueShare) >= 0.25) label.classList.add('dark');
        label.append(el('strong', null, node.name),
          el('span', null, '　未办结 ' + node.open + '，逾期 ' + node.overdue + '（' + percent(node.overdueShare) + '）'));
        item.appendChild(label);
        if (byParent.has(node.region)) {
          const children = el('ul');
          addItems(children, node.region);
          item.appendChild(children);
        }
        parentList.appendChild(item);
      }
    };
    addItems(list, null);
    if (!nodes.length) list.appendChild(el('li', 'hint', '暂无数据。'));
    const c = chart('tree-chart');
    if (!c) return;
    const toData = parent => (byParent.get(parent) || []).map(node => ({
      name: node.name, value: Math.max(node.open, 1), open: node.open, overdue: node.overdue,
      itemStyle: {color: shareColour(node.overdueShare)}, children: byParent.has(node.region) ? toData(node.region) : undefined
    }));
    c.setOption({
      tooltip: {renderMode: 'richText', formatter: p => p.name + '：未办结 ' + (p.data.open ?? '') + '，逾期 ' + (p.data.overdue ?? '')},
      series: [{type: 'treemap', data: toData(null), leafDepth: 2, roam: false, nodeClick: 'zoomToNode',
        breadcrumb: {show: true, bottom: 0}, label: {color: '#1f2933'}, upperLabel: {show: true, height: 22},
        levels: [{itemStyle: {borderColor: '#fff', borderWidth: 2, gapWidth: 2}}, {itemStyle: {borderColor: '#fff', gapWidth: 1}}]}]
    }, true);
  }

  const escalations = pagedList({path: '/api/console/escalations', table: 'escalations', pager: 'escalations-pager',
    exportLink: 'escalations-export', error: 'escalations-error',
    params: () => Object.assign(scope(), {days: $('escalation-days').value, kind: $('escalation-kind').value}),
    draw: (row, e, labels) => {
      row.dataset.escalation = e.id;
      row.dataset.task = e.taskId;
      cell(row, at(e.recordedAt), labels[0]);
      caseCell(row, e.caseId, labels[1]);
      cell(row, e.taskName, labels[2]);
      cell(row, e.unitName, labels[3]);
      cell(row, at(e.dueAt), labels[4]);
      cell(row, (KINDS[e.kind] || e.kind) + (e.kind === 'REMINDER' ? '' : ' 第 ' + e.step + ' 级'), labels[5]);
      cell(row, e.escalatedToLabel || '', labels[6]);
      cell(row, (e.notified || []).map(p => p.name || p.id).join('、'), labels[7]).className = 'notified';
    }});

  // ---- 风险台账 ----------------------------------------------------------------------------------------------

  let riskAsked = 0;

  async function loadRisk() {
    fail('risk-summary-error', null);
    const asked = ++riskAsked;
    $('risk-totals').dataset.state = 'loading';
    try {
      const summary = await get('/api/console/risk/summary', scope());
      if (asked !== riskAsked) return;
      const totals = $('risk-totals');
      totals.replaceChildren();
      for (const level of Object.keys(LEVELS)) {
        const box = el('div', 'total level-' + level.toLowerCase());
        box.dataset.level = level;
        box.append(el('span', 'number', summary.totals[level] ?? 0), el('span', null, LEVELS[level]));
        totals.appendChild(box);
      }
      for (const list of Object.keys(LISTS)) {
        const option = $('risk-list').querySelector('option[value="' + list + '"]');
        option.textContent = LISTS[list] + (summary.lists ? '（' + (summary.lists[list] ?? 0) + '）' : '');
      }
      fill($('risk-by-jurisdiction'), summary.byJurisdiction, (row, j, labels) => {
        row.dataset.region = j.region;
        cell(row, j.name, labels[0]);
        Object.keys(LEVELS).forEach((level, i) => cell(row, j[level] ?? 0, labels[1 + i]));
      });
      const c = chart('risk-chart');
      if (c) {
        c.setOption({
          tooltip: TOOLTIP, legend: {top: 0}, grid: {left: 40, right: 16, top: 40, bottom: 60},
          xAxis: {type: 'category', data: summary.byJurisdiction.map(j => j.name), axisLabel: {interval: 0, rotate: 30}},
          yAxis: {type: 'value', minInterval: 1},
          series: Object.keys(LEVELS).map(level => ({name: LEVELS[level], type: 'bar', stack: 'level', barMaxWidth: 48,
            itemStyle: {color: LEVEL_COLOURS[level]}, data: summary.byJurisdiction.map(j => j[level] ?? 0)}))
        }, true);
      }
      $('risk-totals').dataset.state = 'loaded';
    } catch (e) {
      if (asked !== riskAsked) return;
      fail('risk-summary-error', e);
      $('risk-totals').dataset.state = 'failed';
    }
  }

  function levelCell(row, level, label) {
    const td = cell(row, LEVELS[level] || level || '', label);
    if (level) td.className = 'level level-' + String(level).toLowerCase();
    return td;
  }

  const riskCases = pagedList({path: '/api/console/risk/cases', table: 'risk-cases', pager: 'risk-cases-pager',
    exportLink: 'risk-cases-export', error: 'risk-cases-error',
    params: () => Object.assign(scope(), {list: $('risk-list').value, level: $('risk-level').value}),
    draw: (row, c, labels) => {
      row.dataset.case = c.caseId;
      caseCell(row, c.caseId, labels[0]);
      cell(row, c.institutionName, labels[1]);
      cell(row, c.regionName, labels[2]);
      cell(row, c.responsibleAgencyLabel || c.responsibleAgency, labels[3]);
      levelCell(row, c.riskLevel, labels[4]);
      cell(row, c.priority, labels[5]);
      cell(row, CASE_STATUS[c.status] || c.status, labels[6]);
      cell(row, c.currentMeasureName, labels[7]);
      cell(row, at(c.openedAt), labels[8]);
      cell(row, at(c.closedAt), labels[9]);
    }});

  // ---- 重点线索台账 -------------------------------------------------------------------------------------------

  /** A measure taken (with its date) or under way. */
  function measureText(measure) {
    return measure.name + (measure.underWay ? '（进行中）' : measure.at ? '（' + at(measure.at).slice(0, 10) + '）' : '');
  }

  const keyLeads = pagedList({path: '/api/console/risk/key-leads', table: 'key-leads', pager: 'key-leads-pager',
    exportLink: 'key-leads-export', error: 'key-leads-error', params: scope,
    draw: (row, k, labels) => {
      row.dataset.case = k.caseId;
      cell(row, k.priority, labels[0]);
      caseCell(row, k.caseId, labels[1]);
      cell(row, k.institutionName, labels[2]);
      cell(row, k.regionName, labels[3]);
      levelCell(row, k.riskLevel, labels[4]);
      cell(row, [k.owner, k.ownerLeader ? '负责人：' + k.ownerLeader : null].filter(Boolean).join('，'), labels[5]);
      cell(row, (k.measures || []).map(measureText).join(' → '), labels[6]);
      const due = cell(row, at(k.dueAt) + (k.overdue ? '（已逾期）' : ''), labels[7]);
      if (k.overdue) due.className = 'state-overdue';
    }});

  // ---- 单位考核 ----------------------------------------------------------------------------------------------

  function period() {
    return {from: $('from').value, to: $('to').value};
  }

  const assessment = pagedList({path: '/api/console/assessment', table: 'assessment', pager: 'assessment-pager',
    exportLink: 'assessment-export', error: 'assessment-error', params: () => Object.assign(scope(), period()),
    draw: (row, a, labels) => {
      row.dataset.unit = a.agency + '@' + a.region;
      [a.rank, a.unitName, a.tasksDue, a.tasksOnTime, a.tasksLate, a.tasksOverdue, a.escalations, a.dutiesDue, a.dutiesOnTime,
        a.dutiesLate, a.dutiesMissing, a.score].forEach((value, i) => cell(row, value, labels[i]));
    }});

  function loadAssessment() {
    $('summary-pdf').href = '/api/console/summary.pdf' + query(Object.assign(scope(), period()));
    return assessment.load(0);
  }

  // ---- 案件时间线 ---------------------------------------------------------------------------------------------

  async function showTimeline(caseId) {
    $('case-id').value = caseId;
    if (location.hash !== '#timeline') history.replaceState(null, '', '#timeline');
    showTab('timeline', false);
    const root = $('timeline');
    root.replaceChildren();
    root.dataset.state = 'loading';
    delete root.dataset.case;
    fail('timeline-error', null);
    if (!/^\d+$/.test(String(caseId).trim())) {
      $('timeline-error').textContent = '请填写案件编号（数字）。';
      root.dataset.state = 'failed';
      return;
    }
    try {
      const data = await get('/api/cases/' + String(caseId).trim() + '/timeline');
      const entries = Array.isArray(data) ? data : (data.items || data.entries || []);
      root.appendChild(el('h3', null, '案件 ' + caseId));
      const drawing = el('div');
      root.appendChild(drawing);
      renderTimeline(drawing, entries, {timeZone, empty: '该案件尚无办理记录。'});
      root.dataset.case = caseId;
      root.dataset.state = 'loaded';
    } catch (e) {
      fail('timeline-error', e.status === 404 ? {message: '没有编号为 ' + caseId + ' 的案件，或您无权查看。'} : e);
      root.dataset.state = 'failed';
    }
  }

  // ---- tabs and scope ----------------------------------------------------------------------------------------

  const LOADERS = {
    deadlines: () => Promise.all([loadDeadlines(), tasks.load(0), escalations.load(0)]),
    risk: () => Promise.all([loadRisk(), riskCases.load(0)]),
    'key-leads': () => keyLeads.load(0),
    assessment: loadAssessment,
    timeline: () => null
  };

  function showTab(name, load) {
    if (!LOADERS[name]) name = 'deadlines';
    for (const tab of document.querySelectorAll('.tab')) tab.classList.toggle('hidden', tab.id !== 'tab-' + name);
    for (const link of document.querySelectorAll('#tabs a')) link.classList.toggle('active', link.dataset.tab === name);
    // Charts drawn while hidden have no size; they take their box's size once shown.
    Object.values(charts).forEach(c => c.resize());
    if (load !== false && !loaded[name]) {
      loaded[name] = true;
      return LOADERS[name]();
    }
    return null;
  }

  /** A new region or agency: every section counts afresh (the tab on screen now, the others when opened). */
  function scopeChanged() {
    Object.keys(loaded).forEach(key => delete loaded[key]);
    taskFilter.region = null;
    taskFilter.regionName = null;
    $('task-agency').value = agencySelect.value;
    $('task-key').value = '';
    $('task-exact').checked = false;
    describeTaskFilter();
    return showTab(currentTab());
  }

  function currentTab() {
    const name = location.hash.replace('#', '');
    return LOADERS[name] ? name : 'deadlines';
  }

  window.addEventListener('hashchange', () => showTab(currentTab()));
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  regionSelect.addEventListener('change', async () => {
    await picker.show(regionSelect.value);
    scopeChanged();
  });
  agencySelect.addEventListener('change', scopeChanged);
  for (const id of ['task-state', 'task-agency', 'task-key', 'task-exact']) {
    $(id).addEventListener('change', () => { describeTaskFilter(); tasks.load(0); });
  }
  for (const id of ['escalation-days', 'escalation-kind']) $(id).addEventListener('change', () => escalations.load(0));
  for (const id of ['risk-list', 'risk-level']) $(id).addEventListener('change', () => riskCases.load(0));
  for (const id of ['from', 'to']) $(id).addEventListener('change', loadAssessment);
  for (const total of document.querySelectorAll('#deadline-totals .total')) {
    total.addEventListener('click', event => {
      event.preventDefault();
      openTasks({state: total.dataset.state, region: picker.value()});
    });
  }
  $('timeline-form').addEventListener('submit', event => {
    event.preventDefault();
    showTimeline($('case-id').value.trim());
  });

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  ElderGuard.session().then(async session => {
    $('user').textContent = session.displayName;
    if (session.timeZone) {
      timeZone = session.timeZone;
      time = new Intl.DateTimeFormat('zh-CN', {timeZone: session.timeZone, year: 'numeric', month: '2-digit',
        day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false});
    }
    const today = new Date();
    $('from').value = isoDate(new Date(Date.UTC(today.getFullYear(), 0, 1)));
    $('to').value = isoDate(new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())));
    const labels = await ElderGuard.call('GET', '/api/organisation/labels');
    for (const agency of labels.agencies) {
      agencyLabels[agency.code] = agency.label;
      ElderGuard.option(agencySelect, agency.code, agency.label);
      ElderGuard.option($('task-agency'), agency.code, agency.label);
    }
    const start = await picker.start();
    if (start) await picker.show(start);
    else $('scope-error').textContent = '您没有所属辖区，督办台无可显示的内容。';
    describeTaskFilter();
    const params = new URLSearchParams(location.search);
    if (params.get('case')) return showTimeline(params.get('case'));
    return showTab(currentTab());
  }).catch(error => { $('scope-error').textContent = error.message; });
})();

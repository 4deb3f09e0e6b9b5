// 案卷 (docs/case-file.md): one case's file, drawn into a container by /app/case.html and by Tasklist's 案卷 tab.
// Everything that came from outside (descriptions, names, notes) goes into the page as text (textContent), never
// as markup, so whatever a tipster typed is shown, not run.
import {renderTimeline} from '/assets/timeline.js';

// Times in the installation's configured zone (docs/deadlines.md, "Time zone"), given by /api/session.
let ZONE = 'Asia/Shanghai';
function formatter(zone) {
  return new Intl.DateTimeFormat('zh-CN', {timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false});
}
let TIME = formatter('Asia/Shanghai');

function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

function time(value) {
  return value ? TIME.format(new Date(value)) : '';
}

function yuan(value) {
  return value === null || value === undefined ? '' : Number(value).toLocaleString('zh-CN', {maximumFractionDigits: 2}) + ' 元';
}

function yesNo(value) {
  return value === null || value === undefined ? '' : (value ? '是' : '否');
}

async function get(url) {
  const response = await fetch(url, {headers: {'X-Requested-With': 'fetch', 'Accept': 'application/json'}, credentials: 'same-origin'});
  let data = null;
  try { data = await response.json(); } catch (ignored) { data = null; }
  return {status: response.status, data};
}

function section(root, title, id) {
  const box = el('section', 'eg-cf-section');
  if (id) box.dataset.section = id;
  box.appendChild(el('h2', null, title));
  root.appendChild(box);
  return box;
}

/** A list of label → value pairs; empty values are left out. */
function fields(parent, pairs) {
  const list = el('dl', 'eg-cf-fields');
  for (const [label, value, name] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    list.appendChild(el('dt', null, label));
    const dd = el('dd', null, value);
    if (name) dd.dataset.field = name;
    list.appendChild(dd);
  }
  parent.appendChild(list);
  return list;
}

function table(parent, headers, rows) {
  const wrap = el('div', 'eg-cf-table');
  const t = el('table');
  const head = el('tr');
  headers.forEach(h => head.appendChild(el('th', null, h)));
  const thead = el('thead');
  thead.appendChild(head);
  t.appendChild(thead);
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((value, i) => {
      const td = el('td', null, value);
      td.dataset.label = headers[i];
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }
  t.appendChild(body);
  wrap.appendChild(t);
  parent.appendChild(wrap);
}

function empty(parent, text) {
  parent.appendChild(el('p', 'eg-cf-empty', text));
}

function message(root, title, text) {
  root.textContent = '';
  const box = section(root, title, 'message');
  box.appendChild(el('p', null, text));
}

function deadlineState(state) {
  if (state.completedAt) return '已完成（' + time(state.completedAt) + '）';
  return state.overdue ? '已逾期' : '未逾期';
}

function renderDeadline(parent, state) {
  fields(parent, [
    ['任务', state.taskName, 'taskName'],
    ['承办单位', state.unitName],
    ['创建时间', time(state.createdAt)],
    ['到期时间', time(state.due) + (state.workingDays ? '（按工作日计算）' : '（按自然日计算）'), 'due'],
    ['办理状态', deadlineState(state), 'deadlineState'],
    ['下次提醒或督办', state.nextStepAt ? time(state.nextStepAt) : '']
  ]);
  if (state.steps.length) {
    table(parent, ['时间', '步骤', '督办对象'], state.steps.map(s => [time(s.recordedAt), s.label, s.escalatedToName || '']));
  } else {
    empty(parent, '尚未提醒或督办。');
  }
}

function renderLead(parent, lead, index, count) {
  const box = el('div', 'eg-cf-lead');
  box.dataset.lead = lead.id;
  box.appendChild(el('h3', null, count > 1 ? '线索 ' + (index + 1) + '（' + lead.sourceLabel + '）' : '线索（' + lead.sourceLabel + '）'));
  fields(box, [
    ['线索来源', lead.sourceLabel, 'source'],
    ['收到时间', time(lead.receivedAt), 'receivedAt'],
    ['发现日期', lead.observedOn],
    ['报告的机构名称', lead.reportedInstitutionName, 'reportedInstitutionName'],
    ['地址', lead.reportedAddress, 'reportedAddress'],
    ['所在辖区', lead.jurisdictionName],
    ['情况描述', lead.description, 'description'],
    ['涉及金额', yuan(lead.amountInvolvedYuan), 'amountInvolvedYuan'],
    ['涉及人数', lead.peopleInvolved === null || lead.peopleInvolved === undefined ? '' : lead.peopleInvolved + ' 人', 'peopleInvolved'],
    ['办理进度', lead.statusLabel],
    ['反馈举报人', lead.feedback]
  ]);
  if (lead.tipster) {
    const t = lead.tipster;
    const anonymous = !t.name && !t.phone && !t.email;
    const tipster = el('div', 'eg-cf-tipster');
    tipster.appendChild(el('h4', null, '举报人（仅承办本案的处非办可见）'));
    if (anonymous) {
      tipster.appendChild(el('p', null, '匿名举报'));
    } else {
      fields(tipster, [['姓名', t.name, 'tipsterName'], ['电话', t.phone, 'tipsterPhone'], ['电子邮箱', t.email]]);
    }
    box.appendChild(tipster);
  }
  parent.appendChild(box);
}

function renderFile(root, file, deadline, openTasks, attachments, timelineItems) {
  const s = file.summary;
  const summary = section(root, '案卷：' + file.institution.name, 'summary');
  fields(summary, [
    ['案件编号', s.id, 'caseId'],
    ['所在辖区', s.jurisdictionName],
    ['主责单位', s.responsibleUnitName || s.responsibleAgencyLabel],
    ['立案时间', time(s.openedAt)],
    ['案件状态', s.statusLabel],
    ['风险等级', s.riskLevelLabel || '尚未评级', 'riskLevel'],
    ['当前处置措施', s.currentMeasureName],
    ['未登记场所', s.unregisteredVenue ? '是' : '']
  ]);

  if (deadline) {
    renderDeadline(section(root, '本任务办理时限', 'deadline'), deadline);
  }
  if (openTasks) {
    const box = section(root, '当前待办', 'open-tasks');
    if (openTasks.length) {
      table(box, ['任务', '承办单位', '到期时间', '状态', '督办'], openTasks.map(t => [t.taskName, t.unitName || '', time(t.due),
        deadlineState(t), t.steps.map(step => step.label + (step.escalatedToName ? '→' + step.escalatedToName : '')).join('；')]));
    } else {
      empty(box, '没有待办任务。');
    }
  }

  const leads = section(root, '线索', 'leads');
  file.leads.forEach((lead, i) => renderLead(leads, lead, i, file.leads.length));

  const i = file.institution;
  const institution = section(root, '机构登记信息', 'institution');
  fields(institution, [
    ['名称', i.name, 'institutionName'],
    ['统一社会信用代码', i.creditCode],
    ['是否依法登记', i.registered ? '已登记' : '未登记'],
    ['举办性质', i.ownershipLabel],
    ['法人类型', i.legalFormLabel],
    ['行业', i.sectorName],
    ['所在辖区', i.jurisdictionName],
    ['地址', i.address],
    ['床位数', i.beds],
    ['入住老人数', i.residents],
    ['预收费用', yuan(i.prepaidFeesYuan)],
    ['关联企业', i.relatedCompanies],
    ['承诺书签订日期', i.pledgeSignedOn],
    ['待核实', i.needsConfirmation ? '登记信息待核实' : '']
  ]);

  const ratings = section(root, '风险评级', 'ratings');
  if (file.ratings.length) {
    table(ratings, ['评级时间', '风险等级', '优先级', '评级说明'],
      file.ratings.map(r => [time(r.ratedAt), levelLabel(r.riskLevel), r.priority === null ? '' : r.priority, r.reasons || '']));
  } else {
    empty(ratings, '尚未评级（核查完成后评定）。');
  }

  const priority = section(root, '优先级', 'priority');
  if (file.priority) {
    const p = file.priority;
    fields(priority, [['优先级分值', p.score, 'priorityScore'], ['评定时间', time(p.scoredAt)]]);
    priority.appendChild(el('h3', null, '评定因素'));
    table(priority, ['因素', '取值'], p.factors.map(f => [f.label, f.display]));
    priority.appendChild(el('h3', null, '计分规则'));
    if (p.contributions.length) {
      table(priority, ['规则', '分值'], p.contributions.map(c => [c.description, c.points]));
    } else {
      empty(priority, '没有规则计分。');
    }
  } else {
    empty(priority, '尚未评定优先级。');
  }

  // The case timeline (docs/console.md): leads, ratings, ledger lines, reminders and escalations, oldest first.
  const timeline = section(root, '办理台账', 'timeline');
  const chronicle = el('div', 'eg-cf-timeline');
  timeline.appendChild(chronicle);
  if (timelineItems) renderTimeline(chronicle, timelineItems, {timeZone: ZONE}); else empty(chronicle, '办理台账暂时无法加载，请稍后重试。');

  const eventRows = events => events.map(e => [time(e.occurredAt), e.kindLabel || '', e.title || '', e.actor || '', e.unitName || '',
    e.amountYuan === null || e.amountYuan === undefined ? '' : yuan(e.amountYuan), e.notes || '']);
  const eventHeaders = ['时间', '类别', '事项', '经办人', '单位', '金额', '说明'];

  const handOvers = section(root, '移交与回执', 'hand-overs');
  if (file.handOvers.length) table(handOvers, eventHeaders, eventRows(file.handOvers)); else empty(handOvers, '暂无移交。');

  const files = section(root, '附件', 'attachments');
  if (attachments && attachments.length) {
    const list = el('ul', 'eg-cf-attachments');
    for (const a of attachments) {
      const item = el('li');
      const link = el('a', null, a.fileName);
      link.href = '/api/attachments/' + encodeURIComponent(a.id);
      link.target = '_blank';
      link.rel = 'noopener';
      item.appendChild(link);
      item.appendChild(el('span', 'eg-cf-meta', '（' + size(a.size) + (a.uploadedBy ? '，' + a.uploadedBy : '') + (a.uploadedAt ? '，' + time(a.uploadedAt) : '') + '）'));
      list.appendChild(item);
    }
    files.appendChild(list);
  } else {
    empty(files, '暂无附件');
  }
}

/** The attachment list, whether answered as an array or as {items: [...]}. */
function attachmentItems(data) {
  if (Array.isArray(data)) return data;
  return data && Array.isArray(data.items) ? data.items : [];
}

function levelLabel(level) {
  return {GREEN: '绿色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色'}[level] || '';
}

function size(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return bytes + ' 字节';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

function refused(root, status) {
  if (status === 401) {
    message(root, '请先登录', '登录已过期，请重新登录后再查看案卷。');
  } else if (status === 403 || status === 404) {
    message(root, '无权查看', '案件或任务不存在，或不在您的职责范围内。');
  } else {
    message(root, '加载失败', '案卷暂时无法加载（' + status + '），请稍后重试。');
  }
}

/**
 * Draws the case file into {@code root}: of case {@code caseId}, or of the case of task {@code taskId} (its
 * business key), with that task's own due date and escalation state.
 */
export async function renderCaseFile(root, {caseId, taskId}) {
  root.classList.add('eg-case-file');
  message(root, '案卷', '正在加载…');
  let deadline = null;
  if (taskId) {
    const answer = await get('/api/tasks/' + encodeURIComponent(taskId) + '/deadline');
    if (answer.status !== 200) {
      refused(root, answer.status);
      return;
    }
    deadline = answer.data;
    caseId = deadline.caseId;
    if (caseId === null || caseId === undefined) {
      message(root, '无案卷', '该任务不属于任何案件（如专项行动的报送任务）。办理期限：' + time(deadline.due)
        + '（' + deadlineState(deadline) + '）。专项行动的阶段、各单位报送和考核情况见平台的「专项行动」页面。');
      return;
    }
  }
  if (!/^\d+$/.test(String(caseId || ''))) {
    message(root, '无案卷', '请从任务列表或案件清单打开案卷。');
    return;
  }
  const id = encodeURIComponent(caseId);
  const [file, open, attachments, session, chronicle] = await Promise.all([get('/api/cases/' + id + '/file'),
    taskId ? Promise.resolve(null) : get('/api/cases/' + id + '/deadlines'), get('/api/cases/' + id + '/attachments'),
    get('/api/session'), get('/api/cases/' + id + '/timeline')]);
  if (session.status === 200 && session.data && session.data.timeZone) {
    ZONE = session.data.timeZone;
    TIME = formatter(ZONE);
  }
  if (file.status !== 200) {
    refused(root, file.status);
    return;
  }
  root.textContent = '';
  renderFile(root, file.data, deadline, open && open.status === 200 ? open.data : null,
    attachments.status === 200 ? attachmentItems(attachments.data) : [], chronicle.status === 200 ? chronicle.data : null);
}

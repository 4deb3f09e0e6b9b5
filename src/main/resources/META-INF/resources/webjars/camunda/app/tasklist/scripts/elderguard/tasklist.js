// ElderGuard's additions to Tasklist (docs/tasklist.md). Registered in ../config.js (customScripts).
// 1. The list's default order is the one its header shows: priority, then due date (filters have no order of their own).
// 2. Camunda Forms (form-js) has no translation hook for its validation messages and placeholders: they are
//    replaced in the page as they appear.
// 3. A completed task is confirmed; a refused submit names the fields to fix.
// 4. Overdue and escalated tasks are marked (已逾期 N 天, 已升级督办·第 N 级) on each card of every list and in the
//    open task's header, from /api/tasks/deadline-marks (docs/tasklist.md, "Overdue and escalated tasks").
import {chinese} from '../../../elderguard-locale.js';

const DEFAULT_SORTING = JSON.stringify([{sortBy: 'priority', sortOrder: 'desc'}, {sortBy: 'dueDate', sortOrder: 'asc'}]);

function defaultSorting() {
  const hash = window.location.hash || '#/';
  const query = hash.indexOf('?') < 0 ? '' : hash.substring(hash.indexOf('?') + 1);
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DEFAULT_SORTING);
  const path = hash.indexOf('?') < 0 ? hash : hash.substring(0, hash.indexOf('?'));
  // replace(): no extra history entry, and Tasklist's router sees the change (a hash change event).
  window.location.replace(window.location.pathname + window.location.search + path + '?' + params.toString());
}

// form-js 1.x messages (validator and components) and their Chinese, with what to do.
const MESSAGES = [
  [/^Field is required\.$/, () => '此项必填，请填写或选择。'],
  [/^Field must match pattern (.*)\.$/, () => '格式不正确，请按提示的格式填写。'],
  [/^Field must have minimum value of (.*)\.$/, m => `不能小于 ${m[1]}，请改正。`],
  [/^Field must have maximum value of (.*)\.$/, m => `不能大于 ${m[1]}，请改正。`],
  [/^Field must have minimum length of (.*)\.$/, m => `至少需要 ${m[1]} 个字，请补充。`],
  [/^Field must have maximum length of (.*)\.$/, m => `最多 ${m[1]} 个字，请删减。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请填写有效的电话号码。'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/, m => `请填写有效的数值，最接近的有效值是 ${m[1]} 和 ${m[2]}。`],
  [/^Value is not a number\.?$/, () => '请填写数字。'],
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^No values$/, () => '没有可选项'],
  [/^No results$/, () => '没有匹配项'],
  [/^Date$/, () => '日期'],
  [/^Time$/, () => '时间'],
  [/^Submit$/, () => '提交'],
  [/^Reset$/, () => '重置'],
  [/^Download$/, () => '下载'],
  [/^Remove$/, () => '移除'],
  [/^Increment$/, () => '加一'],
  [/^Decrement$/, () => '减一']
];

function translated(text) {
  const trimmed = text.trim();
  for (const [pattern, chineseText] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return text.replace(trimmed, chineseText(match));
    }
  }
  return null;
}

function translateWithin(root) {
  if (!(root instanceof Element)) {
    return;
  }
  const forms = root.matches('.fjs-container') ? [root] : Array.from(root.querySelectorAll('.fjs-container'));
  const inside = root.closest && root.closest('.fjs-container');
  if (inside) {
    forms.push(inside);
  }
  for (const form of forms) {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const replacement = translated(node.nodeValue);
      if (replacement !== null) {
        node.nodeValue = replacement;
      }
    }
    for (const element of form.querySelectorAll('[placeholder], [aria-label], [title]')) {
      for (const attribute of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(attribute);
        const replacement = value && translated(value);
        if (replacement) {
          element.setAttribute(attribute, replacement);
        }
      }
    }
  }
}

// A toast in the style of Tasklist's own notifications.
function notify(kind, title, text) {
  let box = document.getElementById('elderguard-notices');
  if (!box) {
    box = document.createElement('div');
    box.id = 'elderguard-notices';
    box.className = 'elderguard-notices';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    document.body.appendChild(box);
  }
  const notice = document.createElement('div');
  notice.className = 'alert alert-' + kind + ' elderguard-notice';
  const strong = document.createElement('strong');
  strong.textContent = title;
  notice.appendChild(strong);
  notice.appendChild(document.createTextNode(' ' + text));
  box.appendChild(notice);
  window.setTimeout(() => notice.remove(), 8000);
}

const COMPLETION = /\/task\/[0-9a-f-]{36}\/(submit-form|complete)$/;

function watchCompletions() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.elderguardCompletion = method === 'POST' && COMPLETION.test(String(url).split('?')[0]);
    return open.call(this, method, url, ...rest);
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.elderguardCompletion) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          notify('success', '任务已完成。', '已转入下一步办理，本任务已从待办列表移除。');
        }
      });
    }
    return send.apply(this, args);
  };
}

// After a refused 完成, the fields form-js marked are named, so the officer knows where to look.
function nameInvalidFields() {
  const labels = Array.from(document.querySelectorAll('.fjs-form-field.fjs-has-errors'))
    .map(field => field.querySelector('.fjs-form-field-label'))
    .filter(label => label)
    .map(label => label.textContent.replace(/\*\s*$/, '').trim())
    .filter(label => label);
  return Array.from(new Set(labels));
}

function watchRefusedSubmits() {
  document.addEventListener('click', event => {
    const button = event.target.closest && event.target.closest('button');
    if (!button || button.textContent.trim() !== '完成') {
      return;
    }
    window.setTimeout(() => {
      const fields = nameInvalidFields();
      if (fields.length) {
        notify('warning', '任务未提交：', '请补全或更正以下标红的字段后再点“完成”：' + fields.join('、') + '。');
      }
    }, 400);
  }, true);
}


// Marks of overdue and escalated tasks. One request per batch of cards (at most 200 ids, the endpoint's limit); a
// task's marks are asked again after a minute, so a list left open catches up with the escalation jobs.
const MARKS_MAX_IDS = 200;
const MARKS_MAX_AGE_MS = 60000;
const deadlineMarks = new Map();
let marksTimer = null;
let marksRunning = false;

function taskIdOf(href) {
  const match = /[?&]task=([^&]+)/.exec(href || '');
  return match ? decodeURIComponent(match[1]) : null;
}

// The places to mark: each card's title and the open task's header, with the task each shows.
function markTargets() {
  const targets = [];
  for (const link of document.querySelectorAll('ol.tasks-list li.task h4.task a')) {
    const id = taskIdOf(link.getAttribute('href'));
    if (id) targets.push({id, after: link.closest('h4.task')});
  }
  const header = document.querySelector('.task-details h2.task');
  const hash = window.location.hash || '';
  const open = taskIdOf(hash.indexOf('?') < 0 ? '' : hash.substring(hash.indexOf('?')));
  if (header && open) targets.push({id: open, after: header});
  return targets;
}

async function fetchMarks(ids) {
  for (let start = 0; start < ids.length; start += MARKS_MAX_IDS) {
    const batch = ids.slice(start, start + MARKS_MAX_IDS);
    const response = await fetch('/api/tasks/deadline-marks?ids=' + batch.map(encodeURIComponent).join(','),
      {headers: {'X-Requested-With': 'fetch', 'Accept': 'application/json'}, credentials: 'same-origin'});
    const answer = response.ok ? await response.json() : {};
    const now = Date.now();
    // A task absent from the answer has no deadline or is not the caller's to read: no marks.
    for (const id of batch) deadlineMarks.set(id, {mark: answer[id] || null, at: now});
  }
}

function markText(mark) {
  const texts = [];
  if (mark && mark.overdue) texts.push(['eg-mark-overdue', '已逾期 ' + mark.daysOverdue + ' 天']);
  if (mark && mark.escalationStep > 0) texts.push(['eg-mark-escalated', '已升级督办·第 ' + mark.escalationStep + ' 级']);
  return texts;
}

// Idempotent: a box already showing the right marks is left alone, so drawing does not feed the observer forever.
function drawMark({id, after}) {
  let box = after.nextElementSibling;
  if (!box || !box.classList.contains('eg-deadline-marks')) {
    box = null;
  }
  const texts = markText((deadlineMarks.get(id) || {}).mark);
  const state = id + '|' + texts.map(t => t[1]).join('|');
  if (box && box.dataset.state === state) return;
  if (!box) {
    box = document.createElement('div');
    box.className = 'eg-deadline-marks';
    after.insertAdjacentElement('afterend', box);
  }
  box.dataset.state = state;
  box.dataset.taskId = id;
  box.textContent = '';
  for (const [className, text] of texts) {
    const mark = document.createElement('span');
    mark.className = 'eg-mark ' + className;
    mark.textContent = text;
    box.appendChild(mark);
  }
}

async function drawMarks() {
  marksTimer = null;
  if (marksRunning) {
    scheduleMarks();
    return;
  }
  marksRunning = true;
  try {
    const targets = markTargets();
    const now = Date.now();
    const stale = Array.from(new Set(targets.map(t => t.id)))
      .filter(id => !deadlineMarks.has(id) || now - deadlineMarks.get(id).at > MARKS_MAX_AGE_MS);
    if (stale.length) await fetchMarks(stale);
    markTargets().forEach(drawMark);
  } catch (ignored) {
    // Marks are an aid: a failed request leaves the list as Tasklist drew it.
  } finally {
    marksRunning = false;
  }
}

function scheduleMarks() {
  if (!marksTimer) marksTimer = window.setTimeout(drawMarks, 150);
}

function watchDeadlineMarks() {
  new MutationObserver(scheduleMarks).observe(document.documentElement, {childList: true, subtree: true});
  window.addEventListener('hashchange', scheduleMarks);
  window.setInterval(scheduleMarks, MARKS_MAX_AGE_MS);
  scheduleMarks();
}

if (chinese) {
  defaultSorting();
  window.addEventListener('hashchange', defaultSorting);
  new MutationObserver(changes => {
    for (const change of changes) {
      if (change.type === 'characterData') {
        translateWithin(change.target.parentElement);
      }
      for (const node of change.addedNodes) {
        translateWithin(node.nodeType === Node.TEXT_NODE ? node.parentElement : node);
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  watchCompletions();
  watchRefusedSubmits();
}
// In every language of the page: an overdue or escalated task must show whatever the language.
watchDeadlineMarks();

export default [];

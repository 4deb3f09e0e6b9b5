// ElderGuard's additions to Tasklist (docs/tasklist.md). Registered in ../config.js (customScripts).
// 1. The list's default order is the one its header shows: priority, then due date (filters have no order of their own).
// 2. Camunda Forms (form-js) has no translation hook for its validation messages and placeholders: they are
//    replaced in the page as they appear.
// 3. A completed task is confirmed; a refused submit names the fields to fix.
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

export default [];

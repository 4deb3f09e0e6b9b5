// 案件时间线 (docs/console.md, "Case timeline"): draws the items of GET /api/cases/{id}/timeline, oldest first. Shared by
// the officer's case file (/assets/case-file.js, 办理台账) and the console. Every value goes into the page as text
// (textContent), never as markup: descriptions and notes are what outsiders typed.
const STYLESHEET = '/assets/timeline.css';

function addStylesheet() {
  if (!document.querySelector('link[href="' + STYLESHEET + '"]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    document.head.appendChild(link);
  }
}

function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

/**
 * Replaces the content of {@code element} with {@code items} (the timeline's JSON array). Options: {@code timeZone}
 * (an IANA zone, default Asia/Shanghai; /api/session gives the installation's), {@code empty} (the text shown when
 * there are no items).
 */
export function renderTimeline(element, items, {timeZone = 'Asia/Shanghai', empty = '暂无办理记录。'} = {}) {
  addStylesheet();
  const format = new Intl.DateTimeFormat('zh-CN', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false});
  element.textContent = '';
  if (!items || !items.length) {
    element.appendChild(el('p', 'eg-tl-empty', empty));
    return;
  }
  const list = el('ol', 'eg-timeline');
  for (const item of items) {
    const entry = el('li', 'eg-tl-item');
    entry.dataset.kind = item.kind || '';
    const head = el('div', 'eg-tl-head');
    const at = el('time', 'eg-tl-at', item.at ? format.format(new Date(item.at)) : '');
    if (item.at) at.dateTime = item.at;
    head.appendChild(at);
    head.appendChild(el('span', 'eg-tl-kind', item.kindLabel || ''));
    head.appendChild(el('span', 'eg-tl-title', item.title || ''));
    entry.appendChild(head);
    const who = [item.actorName || item.actor, item.unit].filter(value => value).join(' · ');
    if (who) entry.appendChild(el('div', 'eg-tl-who', who));
    if (item.detail) entry.appendChild(el('div', 'eg-tl-detail', item.detail));
    list.appendChild(entry);
  }
  element.appendChild(list);
}

/**
 * Fetches case {@code caseId}'s timeline and draws it into {@code element}; resolves to the HTTP status (200 when
 * drawn; on any other status the element says why in Chinese).
 */
export async function showCaseTimeline(element, caseId, options = {}) {
  const response = await fetch('/api/cases/' + encodeURIComponent(caseId) + '/timeline',
    {headers: {'X-Requested-With': 'fetch', 'Accept': 'application/json'}, credentials: 'same-origin'});
  if (response.status !== 200) {
    element.textContent = '';
    element.appendChild(el('p', 'eg-tl-empty', response.status === 404 || response.status === 403
      ? '案件不存在或不在您的职责范围内。' : '时间线暂时无法加载（' + response.status + '），请稍后重试。'));
    return response.status;
  }
  renderTimeline(element, await response.json(), options);
  return 200;
}

// "我登记的线索" on the lead page: the person's own leads with their status, newest first, paged by the server
// (GET /api/leads/mine). Refreshed when the form above registers one (event elderguard:lead-registered).
(() => {
  const PAGE_SIZE = 10;
  const table = document.getElementById('my-leads-table');
  const body = table.querySelector('tbody');
  const empty = document.getElementById('my-leads-empty');
  const pageLabel = document.getElementById('my-leads-page');
  const newer = document.getElementById('my-leads-newer');
  const older = document.getElementById('my-leads-older');
  const error = document.getElementById('my-leads-error');
  // Times in the installation's zone (elderguard.time-zone, from /api/session), whatever the device's zone is.
  let when = new Intl.DateTimeFormat('zh-CN', {dateStyle: 'medium', timeStyle: 'short'});
  let page = 0;

  function cell(row, label, text, className) {
    const td = document.createElement('td');
    td.dataset.label = label;
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
  }

  async function show(wanted) {
    error.textContent = '';
    try {
      const result = await ElderGuard.call('GET', '/api/leads/mine?page=' + wanted + '&size=' + PAGE_SIZE);
      page = result.page;
      body.replaceChildren();
      for (const lead of result.items) {
        const row = document.createElement('tr');
        row.dataset.lead = lead.leadId;
        cell(row, '登记时间', when.format(new Date(lead.receivedAt)));
        cell(row, '机构或场所', lead.reportedInstitutionName);
        cell(row, '来源', lead.sourceLabel);
        cell(row, '状态', lead.statusLabel, 'status');
        body.appendChild(row);
      }
      const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
      empty.classList.toggle('hidden', result.total > 0);
      table.classList.toggle('hidden', result.total === 0);
      pageLabel.textContent = result.total === 0 ? '' : '第 ' + (page + 1) + ' / ' + pages + ' 页，共 ' + result.total + ' 条';
      newer.disabled = page === 0;
      older.disabled = page + 1 >= pages;
    } catch (failure) {
      error.textContent = '无法读取您登记的线索：' + failure.message + '。请稍后刷新页面重试。';
    }
  }

  newer.addEventListener('click', () => show(page - 1));
  older.addEventListener('click', () => show(page + 1));
  document.addEventListener('elderguard:lead-registered', () => show(0));
  ElderGuard.session().then(session => {
    if (session.timeZone) {
      when = new Intl.DateTimeFormat('zh-CN', {dateStyle: 'medium', timeStyle: 'short', timeZone: session.timeZone});
    }
    return show(0);
  }).catch(() => {});
})();

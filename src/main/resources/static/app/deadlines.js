// Service levels and the working-day calendar (docs/deadlines.md). Everyone may read; administrators edit.
(() => {
  const rows = document.getElementById('rows');
  const form = document.getElementById('level-form');
  const editSection = document.getElementById('edit-section');
  let admin = false;

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    row.appendChild(td);
  }

  function days(level, count) {
    return count + (level.workingDays ? ' 个工作日' : ' 天');
  }

  async function load() {
    const data = await ElderGuard.call('GET', '/api/service-levels');
    const warning = document.getElementById('calendar-warning');
    warning.textContent = data.calendar.warning;
    warning.classList.toggle('hidden', !data.calendar.warning);
    document.getElementById('covered-years').textContent = data.calendar.coveredYears.join('、');
    rows.textContent = '';
    for (const entry of data.serviceLevels) {
      const level = entry.level;
      const row = document.createElement('tr');
      row.dataset.task = level.processKey + '/' + level.taskKey;
      // Names for people; the ids (used by the API, docs/deadlines.md) are in the edit form.
      [level.processKey === '*' ? '其他流程' : entry.processName || level.processKey,
        level.taskKey === '*' ? '其他任务（默认）' : entry.taskName || level.taskKey,
        days(level, level.dueDays), level.reminderDaysBefore ? days(level, level.reminderDaysBefore) : '不提醒',
        level.escalationDaysAfter.map(d => '+' + d).join('，'), entry.source === 'ADMIN' ? '管理员设置' : '默认']
        .forEach(value => cell(row, value));
      if (admin) row.addEventListener('click', () => edit(level));
      rows.appendChild(row);
    }
  }

  function edit(level) {
    editSection.classList.remove('hidden');
    ElderGuard.showErrors(form, null);
    document.getElementById('processKey').value = level.processKey;
    document.getElementById('taskKey').value = level.taskKey;
    document.getElementById('dueDays').value = level.dueDays;
    document.getElementById('workingDays').value = String(level.workingDays);
    document.getElementById('reminderDaysBefore').value = level.reminderDaysBefore;
    document.getElementById('escalationDaysAfter').value = level.escalationDaysAfter.join(',');
  }

  function path() {
    return '/api/service-levels/' + encodeURIComponent(document.getElementById('processKey').value) + '/'
      + encodeURIComponent(document.getElementById('taskKey').value);
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    ElderGuard.showErrors(form, null);
    const values = ElderGuard.formValues(form);
    values.workingDays = values.workingDays === 'true';
    const steps = (values.escalationDaysAfter || '').split(/[,，\s]+/).filter(s => s !== '');
    if (steps.some(s => !/^\d+$/.test(s))) {
      ElderGuard.showErrors(form, {problem: {errors: [{field: 'escalationDaysAfter', message: '请填写用逗号分隔的天数，如 0,3,5'}]}});
      return;
    }
    values.escalationDaysAfter = steps.map(Number);
    try {
      await ElderGuard.call('PUT', path(), values);
      await load();
      editSection.classList.add('hidden');
    } catch (error) {
      ElderGuard.showErrors(form, error);
    }
  });

  document.getElementById('revert').addEventListener('click', async () => {
    try {
      await ElderGuard.call('DELETE', path());
      await load();
      editSection.classList.add('hidden');
    } catch (error) {
      ElderGuard.showErrors(form, error);
    }
  });

  ElderGuard.session().then(session => {
    document.getElementById('user').textContent = session.displayName;
    admin = session.admin === true;
    return load();
  }).catch(error => { document.getElementById('load-error').textContent = error.message; });
})();

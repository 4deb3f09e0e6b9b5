// The institution registry: list (keyset pages), create/edit, spreadsheet import.
(() => {
  const rows = document.getElementById('rows');
  const form = document.getElementById('institution-form');
  let after = 0;

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    row.appendChild(td);
  }

  async function loadPage() {
    const page = await ElderGuard.call('GET', '/api/institutions?size=50&after=' + after);
    for (const institution of page) {
      const row = document.createElement('tr');
      [institution.id, institution.name, institution.creditCode, institution.registered ? '已登记' : '未登记',
        institution.jurisdiction, (institution.beds ?? '') + ' / ' + (institution.residents ?? ''), institution.prepaidFeesYuan]
        .forEach(value => cell(row, value));
      row.addEventListener('click', () => edit(institution));
      rows.appendChild(row);
      after = institution.id;
    }
    document.getElementById('more').disabled = page.length < 50;
  }

  function edit(institution) {
    document.getElementById('form-title').textContent = '编辑机构 ' + institution.id;
    document.getElementById('id').value = institution.id;
    for (const element of form.elements) {
      if (!element.name) continue;
      const value = institution[element.name];
      element.value = value === null || value === undefined ? '' : String(value);
    }
    ElderGuard.showErrors(form, null);
  }

  document.getElementById('new').addEventListener('click', () => {
    form.reset();
    document.getElementById('id').value = '';
    document.getElementById('form-title').textContent = '新增机构';
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    ElderGuard.showErrors(form, null);
    const values = ElderGuard.formValues(form);
    values.registered = values.registered === 'true';
    const id = document.getElementById('id').value;
    try {
      await ElderGuard.call(id ? 'PUT' : 'POST', '/api/institutions' + (id ? '/' + id : ''), values);
      rows.textContent = '';
      after = 0;
      await loadPage();
      form.reset();
      document.getElementById('id').value = '';
    } catch (error) {
      ElderGuard.showErrors(form, error);
    }
  });

  document.getElementById('import-form').addEventListener('submit', async event => {
    event.preventDefault();
    const importForm = event.target;
    ElderGuard.showErrors(importForm, null);
    const data = new FormData();
    const file = document.getElementById('file').files[0];
    if (!file) {
      ElderGuard.showErrors(importForm, {problem: {errors: [{field: 'file', message: '请选择文件'}]}});
      return;
    }
    data.append('file', file);
    try {
      const result = await ElderGuard.call('POST', '/api/institutions/import', data, true);
      document.getElementById('import-summary').textContent = '新增 ' + result.created + ' 家，更新 ' + result.updated
        + ' 家，无变化 ' + result.unchanged + ' 家，未导入 ' + result.rejectedRows + ' 行（问题 ' + result.rejected.length + ' 处'
        // The server lists at most 1,000 problems (docs/institutions.md).
        + (result.rejected.length >= 1000 ? '，仅列出前 1000 处，请修改后重新导入' : '') + '）。';
      const rejected = document.getElementById('rejected');
      rejected.textContent = '';
      result.rejected.forEach(r => {
        const row = document.createElement('tr');
        [r.row, r.column, r.reason].forEach(value => cell(row, value));
        rejected.appendChild(row);
      });
      document.getElementById('import-result').classList.remove('hidden');
    } catch (error) {
      ElderGuard.showErrors(importForm, error);
    }
  });

  document.getElementById('more').addEventListener('click', () => loadPage().catch(error => ElderGuard.showErrors(form, error)));
  ElderGuard.session().then(session => {
    document.getElementById('user').textContent = session.displayName;
    return loadPage();
  }).catch(error => ElderGuard.showErrors(form, error));
})();

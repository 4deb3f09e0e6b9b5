// The institution registry: list (keyset pages) of a picked region, create/edit, spreadsheet import.
(() => {
  const rows = document.getElementById('rows');
  const form = document.getElementById('institution-form');
  const picker = document.getElementById('region-filter');
  const HEADERS = ['编号', '名称', '统一社会信用代码', '登记', '区划', '床位/在住', '预收费用（元）'];
  const regions = ElderGuard.regionPicker(picker);
  let after = 0;
  let region = null;

  function cell(row, text, label) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (label) td.dataset.label = label;
    row.appendChild(td);
  }

  async function loadPage() {
    document.getElementById('list-error').textContent = '';
    const page = await ElderGuard.call('GET', '/api/institutions?size=50&after=' + after + '&jurisdiction=' + encodeURIComponent(region));
    const labels = await Promise.all(page.map(institution => regions.name(institution.jurisdiction)));
    page.forEach((institution, i) => {
      const row = document.createElement('tr');
      [institution.id, institution.name, institution.creditCode, institution.registered ? '已登记' : '未登记',
        labels[i], (institution.beds ?? '') + ' / ' + (institution.residents ?? ''), institution.prepaidFeesYuan]
        .forEach((value, column) => cell(row, value, HEADERS[column]));
      row.querySelectorAll('td')[4].title = institution.jurisdiction;
      row.addEventListener('click', () => edit(institution));
      rows.appendChild(row);
      after = institution.id;
    });
    document.getElementById('no-rows').classList.toggle('hidden', after !== 0);
    document.getElementById('more').disabled = page.length < 50;
  }

  async function choose(code) {
    region = code;
    rows.textContent = '';
    after = 0;
    await regions.show(code);
    await loadPage();
  }

  picker.addEventListener('change', () => choose(picker.value).catch(showListError));

  function showListError(error) {
    document.getElementById('list-error').textContent = error.message;
  }

  const jurisdictionInput = document.getElementById('jurisdiction');
  jurisdictionInput.addEventListener('change', async () => {
    const code = jurisdictionInput.value.trim();
    document.getElementById('jurisdiction-name').textContent = /^\d{12}$/.test(code) ? await regions.name(code) : '';
  });

  function edit(institution) {
    document.getElementById('form-title').textContent = '编辑机构 ' + institution.id;
    document.getElementById('id').value = institution.id;
    for (const element of form.elements) {
      if (!element.name) continue;
      const value = institution[element.name];
      element.value = value === null || value === undefined ? '' : String(value);
    }
    jurisdictionInput.dispatchEvent(new Event('change'));
    ElderGuard.showErrors(form, null);
  }

  document.getElementById('new').addEventListener('click', () => {
    form.reset();
    document.getElementById('id').value = '';
    document.getElementById('form-title').textContent = '新增机构';
    jurisdictionInput.value = region || '';
    jurisdictionInput.dispatchEvent(new Event('change'));
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
        + ' 家，无变化 ' + result.unchanged + ' 家'
        + (result.skippedExamples ? '，跳过模板示例行 ' + result.skippedExamples + ' 行' : '') + '，未导入 ' + result.rejectedRows + ' 行（问题 ' + result.rejected.length + ' 处'
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

  document.getElementById('more').addEventListener('click', () => loadPage().catch(showListError));
  ElderGuard.session().then(async session => {
    document.getElementById('user').textContent = session.displayName;
    const start = await regions.start();
    if (!start) {
      throw new Error('您的账号没有所属区划，无法查看机构台账；请联系系统管理员在组织架构中设置。');
    }
    await choose(start);
    jurisdictionInput.value = region;
    jurisdictionInput.dispatchEvent(new Event('change'));
  }).catch(showListError);
})();

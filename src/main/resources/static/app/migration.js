// Migration of running cases and repair of stuck ones (docs/modeler.md), for administrators. Everything from the
// server goes into the page as text.
(() => {
  const byId = id => document.getElementById(id);
  const versionsForm = byId('versions-form');
  const pairsForm = byId('pairs-form');
  const stuckForm = byId('stuck-form');
  let definitions = [];
  let request = null;

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function label(definition) {
    return '第 ' + definition.version + ' 版' + (definition.versionTag ? '（' + definition.versionTag + '）' : '')
      + ' · 运行中 ' + definition.instances + (definition.incidents ? ' · 故障 ' + definition.incidents : '');
  }

  function fillVersions() {
    const key = byId('processKey').value;
    const versions = definitions.filter(d => d.key === key);
    for (const id of ['sourceDefinitionId', 'targetDefinitionId']) {
      const select = byId(id);
      select.textContent = '';
      versions.forEach(d => ElderGuard.option(select, d.id, label(d)));
    }
    // The usual move: the oldest version with running cases to the newest.
    const running = versions.filter(d => d.instances > 0);
    if (running.length) byId('sourceDefinitionId').value = running[running.length - 1].id;
    if (versions.length) byId('targetDefinitionId').value = versions[0].id;
  }

  async function loadDefinitions() {
    definitions = await ElderGuard.call('GET', '/api/admin/process-definitions');
    const select = byId('processKey');
    const current = select.value;
    select.textContent = '';
    [...new Set(definitions.map(d => d.key))].forEach(key => {
      const name = (definitions.find(d => d.key === key) || {}).name;
      ElderGuard.option(select, key, name ? name + '（' + key + '）' : key);
    });
    if (current) select.value = current;
    fillVersions();
  }

  function extraPairs() {
    return [...document.querySelectorAll('#unmapped select')].filter(s => s.value)
      .map(s => ({source: s.dataset.source, target: s.value}));
  }

  function currentRequest() {
    return {sourceDefinitionId: request.sourceDefinitionId, targetDefinitionId: request.targetDefinitionId, extraPairs: extraPairs()};
  }

  versionsForm.addEventListener('submit', async event => {
    event.preventDefault();
    ElderGuard.showErrors(versionsForm, null);
    request = {sourceDefinitionId: byId('sourceDefinitionId').value, targetDefinitionId: byId('targetDefinitionId').value};
    try {
      const mapping = await ElderGuard.call('POST', '/api/admin/migrations/mapping', currentRequest());
      showMapping(mapping);
    } catch (error) {
      ElderGuard.showErrors(versionsForm, error);
    }
  });

  function showMapping(mapping) {
    byId('mapping-section').classList.remove('hidden');
    byId('dry-run-section').classList.add('hidden');
    byId('run').disabled = true;
    const rows = byId('instructions');
    rows.textContent = '';
    for (const i of mapping.instructions) {
      const row = document.createElement('tr');
      cell(row, i.sourceName + '（' + i.source + '）');
      cell(row, i.targetName + '（' + i.target + '）');
      cell(row, i.instances);
      rows.appendChild(row);
    }
    const unmapped = byId('unmapped');
    unmapped.textContent = '';
    for (const a of mapping.unmapped) {
      const row = document.createElement('tr');
      row.dataset.activity = a.id;
      cell(row, a.name + '（' + a.id + '）');
      cell(row, a.instances);
      const select = document.createElement('select');
      select.dataset.source = a.id;
      select.setAttribute('aria-label', '映射 ' + a.id);
      ElderGuard.option(select, '', '（不映射）');
      mapping.unmappedTargets.forEach(t => ElderGuard.option(select, t.id, t.name + '（' + t.id + '）'));
      select.addEventListener('change', () => { byId('run').disabled = true; });
      cell(row, '').appendChild(select);
      unmapped.appendChild(row);
    }
  }

  byId('dry-run').addEventListener('click', async () => {
    ElderGuard.showErrors(pairsForm, null);
    try {
      const result = await ElderGuard.call('POST', '/api/admin/migrations/dry-run', currentRequest());
      byId('dry-run-section').classList.remove('hidden');
      byId('dry-run-summary').textContent = '可以迁移 ' + result.maps + ' 件，无法迁移 ' + result.doesNotMap + ' 件。'
        + (result.doesNotMap ? '无法迁移的案件留在原版本，可补充映射后再试。' : '');
      const rows = byId('dry-run-rows');
      rows.textContent = '';
      for (const i of result.instances) {
        const row = document.createElement('tr');
        row.className = i.maps ? 'maps' : 'does-not-map';
        [i.caseId, i.processInstanceId, i.activities.join('、'), i.reason].forEach(v => cell(row, v));
        rows.appendChild(row);
      }
      byId('run').disabled = result.maps === 0;
    } catch (error) {
      ElderGuard.showErrors(pairsForm, error);
    }
  });

  byId('run').addEventListener('click', async () => {
    ElderGuard.showErrors(pairsForm, null);
    if (!window.confirm('确认按当前映射迁移可迁移的案件？')) return;
    try {
      const started = await ElderGuard.call('POST', '/api/admin/migrations', currentRequest());
      byId('run').disabled = true;
      await loadRuns();
      await showResult(started.batchId);
      poll(started.batchId);
    } catch (error) {
      ElderGuard.showErrors(pairsForm, error);
    }
  });

  function poll(batchId) {
    const timer = window.setInterval(async () => {
      try {
        const result = await showResult(batchId);
        await loadRuns();
        if (result.progress.state !== 'RUNNING') window.clearInterval(timer);
      } catch (ignored) {
        window.clearInterval(timer);
      }
    }, 3000);
  }

  async function loadRuns() {
    const runs = await ElderGuard.call('GET', '/api/admin/migrations');
    const rows = byId('runs');
    rows.textContent = '';
    for (const r of runs) {
      const row = document.createElement('tr');
      row.dataset.batch = r.batchId;
      [r.batchId, r.processKey, '第 ' + r.sourceVersion + ' 版 → 第 ' + r.targetVersion + ' 版',
        r.instances + (r.skipped ? '（未迁移 ' + r.skipped + '）' : ''), r.stateLabel,
        r.state === 'FINISHED' ? '—' : r.completedJobs + ' / ' + r.totalJobs + ' / ' + r.failedJobs,
        new Date(r.startedAt).toLocaleString('zh-CN')].forEach(v => cell(row, v));
      row.addEventListener('click', () => showResult(r.batchId));
      rows.appendChild(row);
    }
  }

  async function showResult(batchId) {
    const result = await ElderGuard.call('GET', '/api/admin/migrations/' + encodeURIComponent(batchId));
    byId('result-section').classList.remove('hidden');
    byId('result-title').textContent = '批处理 ' + batchId + '：' + result.progress.stateLabel;
    const rows = byId('result-rows');
    rows.textContent = '';
    for (const i of result.instances) {
      const row = document.createElement('tr');
      row.dataset.outcome = i.outcome;
      [i.caseId, i.processInstanceId, i.label, i.detail].forEach(v => cell(row, v));
      rows.appendChild(row);
    }
    return result;
  }

  async function loadStuck() {
    const stuck = await ElderGuard.call('GET', '/api/admin/stuck-cases');
    const rows = byId('stuck-rows');
    rows.textContent = '';
    if (!stuck.length) {
      const row = document.createElement('tr');
      cell(row, '没有待修复的案件').colSpan = 5;
      rows.appendChild(row);
    }
    for (const s of stuck) {
      const row = document.createElement('tr');
      row.dataset.instance = s.processInstanceId;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = s.processInstanceId;
      box.setAttribute('aria-label', '选择 ' + s.caseId);
      cell(row, '').appendChild(box);
      [s.caseId, s.processKey, '第 ' + s.version + ' 版（最新第 ' + s.latestVersion + ' 版）', s.problems.join('；')].forEach(v => cell(row, v));
      rows.appendChild(row);
    }
  }

  function selected() {
    return [...document.querySelectorAll('#stuck-rows input[type=checkbox]:checked')].map(b => b.value);
  }

  async function repair(path, describe) {
    ElderGuard.showErrors(stuckForm, null);
    byId('stuck-message').textContent = '';
    try {
      const answer = await ElderGuard.call('POST', path, {processInstanceIds: selected()});
      byId('stuck-message').textContent = describe(answer);
      await loadStuck();
      await loadRuns();
    } catch (error) {
      ElderGuard.showErrors(stuckForm, error);
    }
  }

  byId('retry').addEventListener('click', () => repair('/api/admin/stuck-cases/retry',
    a => '已为 ' + a.cases + ' 个案件的 ' + a.jobs + ' 个故障作业恢复重试，作业执行器将重新执行。'));
  byId('migrate-latest').addEventListener('click', () => repair('/api/admin/stuck-cases/migrate',
    a => '已开始迁移：' + a.migrations.map(m => '批处理 ' + m.batchId + '（' + m.instances + ' 件）').join('，')));
  byId('refresh-stuck').addEventListener('click', () => loadStuck());
  byId('refresh-runs').addEventListener('click', () => loadRuns());
  byId('stuck-all').addEventListener('change', event => {
    document.querySelectorAll('#stuck-rows input[type=checkbox]').forEach(b => { b.checked = event.target.checked; });
  });
  byId('processKey').addEventListener('change', fillVersions);

  ElderGuard.session().then(session => {
    document.getElementById('user').textContent = session.displayName;
    if (session.admin !== true) {
      byId('not-admin').classList.remove('hidden');
      return null;
    }
    return Promise.all([loadDefinitions(), loadRuns(), loadStuck()]);
  }).catch(error => { byId('not-admin').textContent = error.message; byId('not-admin').classList.remove('hidden'); });
})();

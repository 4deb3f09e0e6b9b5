// Who changed what (docs/modeler.md): the deployment records and, per deployment, what changed in each file.
// Everything shown came from model files: it goes into the page as text only.
(() => {
  const rows = document.getElementById('rows');
  const more = document.getElementById('more');
  const detail = document.getElementById('detail');
  let next = null;

  const KINDS = {PROCESS: '流程', DECISION: '决策', FORM: '表单', FILE: '文件'};
  const STATUS = {NEW: '新增', CHANGED: '已修改', UNCHANGED: '未变'};
  const ELEMENTS = {FLOW_NODE: '流程节点', SEQUENCE_FLOW: '连线', RULE: '规则', INPUT: '输入', OUTPUT: '输出', FIELD: '表单字段'};
  const CHANGES = {ADDED: '新增', REMOVED: '删除', RENAMED: '改名', CHANGED: '修改'};

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  /** "2026-11-05T14:03:12+08:00" → "2026-11-05 14:03:12": the API already gives Beijing time. */
  function time(value) {
    return value ? value.replace('T', ' ').replace(/(\.\d+)?(\+08:00|Z)$/, '') : '';
  }

  async function load(before) {
    const page = await ElderGuard.call('GET', '/api/admin/deployments?size=20' + (before ? '&before=' + before : ''));
    for (const deployment of page.deployments) {
      const row = document.createElement('tr');
      row.dataset.deployment = deployment.id;
      const counts = deployment.counts;
      [time(deployment.deployedAt), deployment.name, deployment.source, deployment.authorDisplay, deployment.files.length,
        counts.NEW + ' / ' + counts.CHANGED + ' / ' + counts.UNCHANGED].forEach(value => cell(row, value));
      // The name is what the administrator typed in Modeler: shown as written, not a text to translate.
      row.children[1].setAttribute('translate', 'no');
      row.addEventListener('click', () => show(deployment.id).catch(error => {
        document.getElementById('load-error').textContent = error.message;
      }));
      rows.appendChild(row);
    }
    next = page.next;
    more.classList.toggle('hidden', next === null);
  }

  async function show(id) {
    const data = await ElderGuard.call('GET', '/api/admin/deployments/' + encodeURIComponent(id));
    const deployment = data.deployment;
    document.getElementById('detail-title').textContent = '部署详情：' + (deployment.name || deployment.id);
    document.getElementById('detail-meta').textContent = '部署人 ' + deployment.authorDisplay + '，时间 ' + time(deployment.deployedAt)
      + '，来源 ' + (deployment.source || '—') + '，部署编号 ' + deployment.id + '，文件 ' + deployment.files.length + ' 个。';
    const container = document.getElementById('definitions');
    container.textContent = '';
    const unchanged = [];
    for (const definition of data.definitions) {
      if (definition.status === 'UNCHANGED') {
        // A decision file holds several decisions; name the file once.
        if (!unchanged.includes(definition.resourceName)) unchanged.push(definition.resourceName);
        continue;
      }
      container.appendChild(definitionBlock(definition));
    }
    document.getElementById('unchanged').textContent = unchanged.length
      ? '与上一版本相同、未作修改的文件（' + unchanged.length + ' 个）：' + unchanged.join('、') : '';
    detail.classList.remove('hidden');
    detail.scrollIntoView();
  }

  function definitionBlock(definition) {
    const block = document.createElement('div');
    block.className = 'definition';
    block.dataset.resource = definition.resourceName;
    const title = document.createElement('h3');
    let text = definition.resourceName + ' · ' + KINDS[definition.kind] + (definition.key ? ' ' + definition.key : '');
    if (definition.version) {
      text += ' · 第 ' + definition.version + ' 版' + (definition.previousVersion ? '（对比第 ' + definition.previousVersion + ' 版）' : '');
    }
    title.textContent = text + ' · ' + (definition.kind === 'FILE' ? '随部署上传' : STATUS[definition.status]);
    block.appendChild(title);
    if (definition.changes.length === 0) {
      const note = document.createElement('p');
      note.textContent = definition.status === 'CHANGED'
        ? '文件有改动，但本定义的元素和字段没有变化：改动在布局、其他属性，或同一文件的其他定义中。' : '';
      block.appendChild(note);
      return block;
    }
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    ['元素类型', '变化', '元素标识', '修改前', '修改后'].forEach(label => {
      const th = document.createElement('th');
      th.textContent = label;
      head.appendChild(th);
    });
    const body = table.createTBody();
    for (const change of definition.changes) {
      const row = body.insertRow();
      row.dataset.change = change.change;
      [ELEMENTS[change.element], CHANGES[change.change], change.elementId, change.before, change.after].forEach(value => cell(row, value));
      row.children[2].setAttribute('translate', 'no');
    }
    block.appendChild(table);
    return block;
  }

  more.addEventListener('click', () => load(next).catch(error => {
    document.getElementById('load-error').textContent = error.message;
  }));

  ElderGuard.session().then(session => {
    document.getElementById('user').textContent = session.displayName;
    if (session.admin !== true) {
      throw new Error('部署记录仅系统管理员可查看，请使用管理员账号登录。');
    }
    return load(null);
  }).catch(error => { document.getElementById('load-error').textContent = error.message; });
})();

// The page 专项行动 (docs/campaigns.md): the campaigns the user runs or takes part in, the launch form for a 处非办 or
// leading group, and one campaign (?id=) with its phases, units and what the office may do.
(() => {
  const PAGE_SIZE = 20;
  const UNIT_PAGE_SIZE = 50;
  const STATUS = {RUNNING: '进行中', ENDED: '已结束'};
  const params = new URLSearchParams(window.location.search);
  const form = document.getElementById('launch-form');
  const phaseRows = document.getElementById('phase-rows');
  let when = new Intl.DateTimeFormat('zh-CN', {dateStyle: 'medium', timeStyle: 'short'});
  let today = '';
  let labels = {agencies: [], levels: []};

  function show(id, visible) {
    document.getElementById(id).classList.toggle('hidden', !visible);
  }

  function text(id, value) {
    document.getElementById(id).textContent = value === null || value === undefined ? '' : String(value);
  }

  function cell(row, label, value) {
    const td = document.createElement('td');
    td.dataset.label = label;
    td.textContent = value === null || value === undefined ? '' : String(value);
    row.appendChild(td);
    return td;
  }

  function time(instant) {
    return instant ? when.format(new Date(instant)) : '';
  }

  function statusOf(campaign) {
    if (campaign.status === 'RUNNING' && campaign.currentPhase === null) return '未开始';
    return STATUS[campaign.status] || campaign.status;
  }

  function agencyLabel(code) {
    const found = labels.agencies.find(a => a.code === code);
    return found ? found.label : code;
  }

  /** A pager over a list without a total: the next page is offered while a page comes back full. */
  function pager(prefix, size, load) {
    let page = 0;
    const newer = document.getElementById(prefix + '-newer');
    const older = document.getElementById(prefix + '-older');
    async function go(wanted, total) {
      const count = await load(wanted);
      page = wanted;
      const pages = total === undefined ? null : Math.max(1, Math.ceil(total / size));
      text(prefix + '-page', pages ? '第 ' + (page + 1) + ' / ' + pages + ' 页' : '第 ' + (page + 1) + ' 页');
      newer.disabled = page === 0;
      older.disabled = pages ? page + 1 >= pages : count < size;
    }
    return {
      start(total) {
        newer.addEventListener('click', () => go(page - 1, total));
        older.addEventListener('click', () => go(page + 1, total));
        return go(0, total);
      }
    };
  }

  // ---- the list ----

  async function listPage(page) {
    const rows = document.getElementById('list-rows');
    text('list-error', '');
    try {
      const campaigns = await ElderGuard.call('GET', '/api/campaigns?page=' + page + '&size=' + PAGE_SIZE);
      rows.replaceChildren();
      for (const campaign of campaigns) {
        const row = document.createElement('tr');
        row.dataset.campaign = campaign.id;
        const name = cell(row, '名称', '');
        const link = document.createElement('a');
        link.href = '/app/campaigns.html?id=' + campaign.id;
        link.textContent = campaign.name;
        name.appendChild(link);
        cell(row, '专项办', campaign.officeName);
        cell(row, '当前阶段', campaign.currentPhaseLabel || '—');
        cell(row, '状态', statusOf(campaign)).className = 'status';
        cell(row, '参加单位', campaign.unitCount + ' 个');
        rows.appendChild(row);
      }
      show('list-empty', page === 0 && campaigns.length === 0);
      show('list-table', campaigns.length > 0);
      show('list-pager', page > 0 || campaigns.length > 0);
      return campaigns.length;
    } catch (failure) {
      text('list-error', '无法读取专项行动列表：' + failure.message);
      return 0;
    }
  }

  // ---- the launch form ----

  const regions = ElderGuard.regionPicker(document.getElementById('ownerRegion'));
  const templateSelect = document.getElementById('template');
  const yearInput = document.getElementById('year');
  let templates = [];

  function phaseInput(row, field, type, value, label) {
    const td = document.createElement('td');
    td.dataset.label = label;
    const input = document.createElement('input');
    input.type = type;
    input.dataset.field = field;
    input.setAttribute('aria-label', label);
    input.value = value || '';
    if (field === 'code') input.maxLength = 32;
    if (field === 'label') input.maxLength = 50;
    td.appendChild(input);
    const error = document.createElement('div');
    error.className = 'error';
    td.appendChild(error);
    row.appendChild(td);
  }

  function addPhase(phase) {
    const row = document.createElement('tr');
    const index = phaseRows.children.length;
    // A new phase's code: letters only (the API's rule), one per row.
    const code = phase ? phase.code : 'PHASE_' + String.fromCharCode(65 + index);
    phaseInput(row, 'label', 'text', phase && phase.label, '阶段名称');
    phaseInput(row, 'code', 'text', code, '英文代码');
    phaseInput(row, 'startsOn', 'date', phase && phase.startsOn, '开始日期');
    phaseInput(row, 'endsOn', 'date', phase && phase.endsOn, '结束日期');
    const td = document.createElement('td');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary small';
    remove.textContent = '删除';
    remove.addEventListener('click', () => { row.remove(); numberPhases(); });
    td.appendChild(remove);
    row.appendChild(td);
    phaseRows.appendChild(row);
    numberPhases();
  }

  /** Names the phase inputs and their error slots after their row, as the API names them (phases[1].startsOn). */
  function numberPhases() {
    Array.from(phaseRows.children).forEach((row, index) => {
      row.querySelectorAll('input').forEach(input => {
        input.name = 'phases[' + index + '].' + input.dataset.field;
        input.nextElementSibling.dataset.for = input.name;
      });
    });
    document.getElementById('add-phase').disabled = phaseRows.children.length >= 6;
  }

  async function loadTemplates(year) {
    templates = await ElderGuard.call('GET', '/api/campaigns/templates?year=' + year);
    yearInput.value = year;
  }

  /**
   * Fills the phases from the chosen template. A calendar whose last day has passed this year (APRIL_TO_OCTOBER ends in
   * October, docs/campaigns.md "Templates") is placed in the next year, so the form never starts with dates the launch would refuse.
   */
  async function applyTemplate(yearChosen) {
    let year = Number(yearInput.value) || Number(today.substring(0, 4));
    let template = templates.find(t => t.code === templateSelect.value);
    if (!template) return;
    const last = template.phases[template.phases.length - 1];
    if (!yearChosen && last.endsOn < today) {
      await loadTemplates(year + 1);
      template = templates.find(t => t.code === templateSelect.value);
    }
    phaseRows.replaceChildren();
    template.phases.forEach(addPhase);
  }

  function checkbox(container, prefix, code, label, checked) {
    const wrapper = document.createElement('label');
    wrapper.className = 'check';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = prefix + '-' + code;
    input.value = code;
    input.checked = checked;
    wrapper.appendChild(input);
    wrapper.appendChild(document.createTextNode(label));
    container.appendChild(wrapper);
    return input;
  }

  /** Only the owner's level and the levels below it can take part. */
  async function updateLevels() {
    const node = await regions.node(regions.value());
    const ownerLevel = node ? labels.levels.findIndex(l => l.code === node.jurisdiction.level) : 0;
    labels.levels.forEach((level, index) => {
      const input = document.getElementById('level-' + level.code);
      const allowed = index >= ownerLevel;
      if (!allowed) input.checked = false;
      if (allowed && input.disabled) input.checked = true;
      input.disabled = !allowed;
      input.parentElement.classList.toggle('disabled', !allowed);
    });
  }

  function checked(containerId) {
    return Array.from(document.querySelectorAll('#' + containerId + ' input:checked')).map(input => input.value);
  }

  /** The launch as the API takes it (docs/campaigns.md, "Launching"). */
  function launchBody() {
    const value = id => {
      const v = document.getElementById(id).value.trim();
      return v === '' ? null : v;
    };
    return {
      name: value('name'),
      ownerRegion: regions.value(),
      template: templateSelect.value || null,
      phases: Array.from(phaseRows.children).map(row => {
        const phase = {};
        row.querySelectorAll('input').forEach(input => { phase[input.dataset.field] = input.value.trim() || null; });
        return phase;
      }),
      units: {agencies: checked('agency-checks'), levels: checked('level-checks')},
      planDueOn: value('planDueOn'),
      unitSummaryDueOn: value('unitSummaryDueOn'),
      summaryDueOn: value('summaryDueOn')
    };
  }

  /** What the page can tell before asking the server: at least one agency and one level. */
  function unitProblems(body) {
    const problems = [];
    if (body.units.agencies.length === 0) problems.push({field: 'units.agencies', message: '请至少选择一个部门'});
    if (body.units.levels.length === 0) problems.push({field: 'units.levels', message: '请至少选择一个层级'});
    return problems;
  }

  async function preview() {
    ElderGuard.showErrors(form, null);
    show('preview-result', false);
    const body = launchBody();
    // The units do not depend on the summary's date, which the preview still asks for: stand in the last phase's end.
    if (!body.summaryDueOn) {
      const phases = body.phases.filter(p => p.endsOn);
      body.summaryDueOn = body.unitSummaryDueOn || (phases.length ? phases[phases.length - 1].endsOn : null);
    }
    const problems = unitProblems(body);
    if (problems.length) {
      ElderGuard.showErrors(form, {problem: {errors: problems}});
      return;
    }
    try {
      const result = await ElderGuard.call('POST', '/api/campaigns/preview', body);
      text('preview-count', '共 ' + result.unitCount + ' 个单位参加'
        + (result.unitCount > result.firstUnits.length ? '，以下列出前 ' + result.firstUnits.length + ' 个：' : '：'));
      const list = document.getElementById('preview-units');
      list.replaceChildren();
      for (const unit of result.firstUnits) {
        const item = document.createElement('li');
        item.textContent = unit.name;
        list.appendChild(item);
      }
      show('preview-result', true);
    } catch (error) {
      ElderGuard.showErrors(form, error);
    }
  }

  async function launch(event) {
    event.preventDefault();
    ElderGuard.showErrors(form, null);
    const body = launchBody();
    const problems = unitProblems(body);
    if (problems.length) {
      ElderGuard.showErrors(form, {problem: {errors: problems}});
      return;
    }
    const button = document.getElementById('launch');
    button.disabled = true;
    try {
      const campaign = await ElderGuard.call('POST', '/api/campaigns', body);
      window.location.href = '/app/campaigns.html?id=' + campaign.id + '&launched=1';
    } catch (error) {
      ElderGuard.showErrors(form, error);
      button.disabled = false;
    }
  }

  async function setUpLaunch() {
    const start = await regions.start();
    if (!start) return;
    await regions.show(start);
    labels.agencies.forEach(a => checkbox(document.getElementById('agency-checks'), 'agency', a.code, a.label, true));
    labels.levels.forEach(l => checkbox(document.getElementById('level-checks'), 'level', l.code, l.label, true));
    await updateLevels();
    document.getElementById('ownerRegion').addEventListener('change', async event => {
      await regions.show(event.target.value);
      await updateLevels();
    });
    const setAll = value => document.querySelectorAll('#agency-checks input').forEach(input => { input.checked = value; });
    document.getElementById('agencies-all').addEventListener('click', () => setAll(true));
    document.getElementById('agencies-none').addEventListener('click', () => setAll(false));

    await loadTemplates(Number(today.substring(0, 4)));
    templates.forEach(t => ElderGuard.option(templateSelect, t.code, t.label));
    templateSelect.addEventListener('change', () => applyTemplate(false).catch(failTemplate));
    yearInput.addEventListener('change', async () => {
      await loadTemplates(Number(yearInput.value)).catch(failTemplate);
      await applyTemplate(true).catch(failTemplate);
    });
    await applyTemplate(false);
    document.getElementById('add-phase').addEventListener('click', () => addPhase(null));
    document.getElementById('preview').addEventListener('click', preview);
    form.addEventListener('submit', launch);
    show('launch-section', true);
  }

  function failTemplate(error) {
    ElderGuard.showErrors(form, {problem: {errors: [{field: 'template', message: '无法读取模板：' + error.message}]}});
  }

  // ---- one campaign ----

  async function showCampaign(id) {
    const details = await ElderGuard.call('GET', '/api/campaigns/' + encodeURIComponent(id));
    const campaign = details.campaign;
    document.title = campaign.name + ' - 专项行动 - ElderGuard';
    text('detail-name', campaign.name);
    text('detail-owner', details.officeName);
    // The phase under way; one just closed early stays current for the moment until the process starts the next.
    const current = details.phases.find(p => p.phaseNo === campaign.currentPhase && !p.endedAt);
    text('detail-status', statusOf(campaign) + (current ? '（' + current.label + '阶段）' : ''));
    text('detail-units', campaign.unitCount + ' 个');
    text('detail-launched', time(campaign.launchedAt));
    text('detail-plan-due', campaign.planDueOn);
    text('detail-unit-summary-due', campaign.unitSummaryDueOn);
    text('detail-summary-due', campaign.summaryDueOn);
    show('launched', params.get('launched') === '1');
    show('my-unit', !!details.myUnit);

    const rows = document.getElementById('phase-list');
    rows.replaceChildren();
    for (const phase of details.phases) {
      const row = document.createElement('tr');
      row.dataset.phase = phase.phaseNo;
      cell(row, '阶段', phase.label + (phase === current ? '（进行中）' : ''));
      cell(row, '起止日期', phase.startsOn + ' 至 ' + phase.endsOn);
      cell(row, '开始', phase.startedAt ? time(phase.startedAt) : '未开始');
      const ended = cell(row, '结束', phase.endedAt ? time(phase.endedAt) : '');
      if (phase.closedEarlyBy) {
        ended.append('，提前结束（操作人 ');
        const who = document.createElement('span');
        who.translate = false;
        who.textContent = phase.closedEarlyBy;
        ended.append(who, '）');
      }
      rows.appendChild(row);
    }
    const closable = details.office && campaign.status === 'RUNNING' && current;
    show('close-phase', !!closable);
    if (closable) setUpClose(campaign, current);
    show('detail-section', true);

    if (details.office) {
      await showUnits(campaign);
      await showOffice(campaign);
    }
    if (details.office || details.myUnit) {
      const refresh = {};
      await showRecords(campaign, details, refresh);
      if (details.myUnit) await showUnitWork(campaign, details, refresh);
    }
  }

  function setUpClose(campaign, current) {
    const dialog = document.getElementById('close-dialog');
    text('close-question', '确定提前结束「' + current.label + '」阶段吗？');
    document.getElementById('close-phase').addEventListener('click', () => dialog.showModal());
    dialog.addEventListener('close', async () => {
      if (dialog.returnValue !== 'confirm') return;
      text('close-error', '');
      try {
        await ElderGuard.call('POST', '/api/campaigns/' + campaign.id + '/phase/close');
        window.location.reload();
      } catch (error) {
        text('close-error', error.message);
      }
    });
  }

  async function showUnits(campaign) {
    const rows = document.getElementById('unit-rows');
    await pager('units', UNIT_PAGE_SIZE, async page => {
      text('units-error', '');
      try {
        const units = await ElderGuard.call('GET', '/api/campaigns/' + campaign.id + '/units?page=' + page + '&size=' + UNIT_PAGE_SIZE);
        rows.replaceChildren();
        units.forEach((unit, index) => {
          const row = document.createElement('tr');
          cell(row, '序号', page * UNIT_PAGE_SIZE + index + 1);
          cell(row, '单位', unit.name);
          cell(row, '部门', agencyLabel(unit.key.agency));
          rows.appendChild(row);
        });
        return units.length;
      } catch (error) {
        text('units-error', '无法读取参加单位：' + error.message);
        return 0;
      }
    }).start(campaign.unitCount);
    show('units-section', true);
  }

  // ---- what units record, the assessment and the totals (docs/campaigns.md "What units record", docs/assessment.md) ----

  const RECORD_PAGE_SIZE = 20;
  const PUBLICITY_FORMS = [['BANNER', '横幅标语'], ['LECTURE', '宣传讲座'], ['DOOR_TO_DOOR', '入户宣传'], ['VIDEO', '视频宣传'],
    ['LEAFLET', '发放宣传资料'], ['MEETING', '院坝会/群众会'], ['ONLINE', '网络/新媒体'], ['OTHER', '其他']];
  const MIN_INFO_REPORTS = 2;
  const MAX_PHOTOS = 20;

  /** A login name or a file's name: shown as typed, not translated (the language test skips translate="no"). */
  function verbatim(value) {
    const span = document.createElement('span');
    span.translate = false;
    span.textContent = value || '';
    return span;
  }

  function smallButton(label) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = label;
    return button;
  }

  /**
   * A table over a list that answers {items, page, size, total}: its rows (prefix-rows), pager (prefix-pager), note
   * when empty (prefix-empty) and error (prefix-error). address(page, size) is the list's address; render makes a row.
   */
  function pagedTable(prefix, address, render) {
    const rows = document.getElementById(prefix + '-rows');
    const box = document.getElementById(prefix + '-pager');
    const newer = smallButton('上一页');
    const older = smallButton('下一页');
    const where = document.createElement('span');
    box.replaceChildren(newer, where, older);
    let page = 0;
    async function load(wanted) {
      text(prefix + '-error', '');
      try {
        const result = await ElderGuard.call('GET', address(wanted, RECORD_PAGE_SIZE));
        page = wanted;
        rows.replaceChildren(...result.items.map(render));
        const pages = Math.max(1, Math.ceil(result.total / RECORD_PAGE_SIZE));
        where.textContent = '第 ' + (page + 1) + ' / ' + pages + ' 页，共 ' + result.total + ' 条';
        newer.disabled = page === 0;
        older.disabled = page + 1 >= pages;
        show(prefix + '-empty', result.total === 0);
        // The pager's own display (flex) outranks .hidden: hide it by its style.
        box.style.display = result.total === 0 ? 'none' : '';
      } catch (error) {
        text(prefix + '-error', '无法读取：' + error.message);
      }
    }
    newer.addEventListener('click', () => load(page - 1));
    older.addEventListener('click', () => load(page + 1));
    return {first: () => load(0), again: () => load(page)};
  }

  /** Errors beside their fields (data-for), the rest in the form's summary (data-summary); null clears them. */
  function formErrors(form, error) {
    form.querySelectorAll('.error').forEach(slot => { slot.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(input => input.classList.remove('invalid'));
    if (!error) return;
    const errors = (error.problem && error.problem.errors) || [];
    const unplaced = errors.length === 0 ? [error.message] : [];
    for (const e of errors) {
      const slot = form.querySelector('.error[data-for="' + e.field + '"]');
      const input = form.elements.namedItem(e.field);
      if (input && input.classList) input.classList.add('invalid');
      if (slot) slot.textContent = e.message; else unplaced.push(e.message);
    }
    form.querySelector('.error[data-summary]').textContent = unplaced.join('；');
  }

  /** Sends the form's body on submit; on success clears it, says so and runs done. */
  function onSubmit(form, address, body, done) {
    const button = form.querySelector('button[type=submit]');
    const saved = form.querySelector('[data-done]');
    form.addEventListener('submit', async event => {
      event.preventDefault();
      formErrors(form, null);
      saved.classList.add('hidden');
      button.disabled = true;
      try {
        await ElderGuard.call('POST', address, body());
        form.reset();
        form.dispatchEvent(new Event('reset-done'));
        saved.classList.remove('hidden');
        await done();
      } catch (error) {
        formErrors(form, error);
      } finally {
        button.disabled = false;
      }
    });
  }

  /** Links to a record's files and, for the unit's own record, a chooser that uploads to it. */
  function filesCell(row, label, files, fileLabel, upload) {
    const td = cell(row, label, '');
    td.className = 'files';
    const base = '/api/campaigns/' + params.get('id');
    files.forEach((file, index) => {
      const link = document.createElement('a');
      link.href = base + '/files/' + file.id;
      link.textContent = fileLabel(index, files.length);
      td.appendChild(link);
    });
    if (files.length === 0 && !upload) td.append('无');
    if (!upload) return td;
    const input = document.createElement('input');
    input.type = 'file';
    input.className = 'file-input';
    input.id = upload.id;
    input.accept = upload.accept;
    input.multiple = !!upload.multiple;
    const chooser = document.createElement('label');
    chooser.className = 'file-button';
    chooser.htmlFor = upload.id;
    chooser.textContent = upload.label;
    const status = document.createElement('div');
    status.className = 'error';
    input.addEventListener('change', async () => {
      status.textContent = '';
      const chosen = Array.from(input.files);
      try {
        for (const [index, file] of chosen.entries()) {
          status.textContent = '正在上传第 ' + (index + 1) + ' / ' + chosen.length + ' 个文件…';
          const body = new FormData();
          body.append('file', file);
          await ElderGuard.call('POST', upload.address, body, true);
        }
        status.textContent = '';
        await upload.done();
      } catch (error) {
        const problems = (error.problem && error.problem.errors) || [];
        status.textContent = '上传失败：' + (problems.length ? problems.map(p => p.message).join('；') : error.message);
      }
    });
    td.append(input, chooser, status);
    return td;
  }

  function reportRow(item, office) {
    const row = document.createElement('tr');
    row.dataset.report = item.id;
    cell(row, '报送时间', time(item.submittedAt));
    if (office) cell(row, '单位', item.unitName);
    cell(row, '类型', item.kindLabel).className = 'status';
    cell(row, '标题', item.title);
    const body = cell(row, '正文', item.body.length > 120 ? '' : item.body);
    if (item.body.length > 120) {
      const more = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = item.body.substring(0, 60) + '…（展开全文）';
      const full = document.createElement('p');
      full.textContent = item.body;
      more.append(summary, full);
      body.appendChild(more);
    }
    cell(row, '报送人', '').appendChild(verbatim(item.submittedBy));
    return row;
  }

  /** The lists of reports, activities and pledges: every unit's for the office, the unit's own otherwise. */
  function showRecords(campaign, details, refresh) {
    const base = '/api/campaigns/' + campaign.id;
    const office = details.office;
    const unit = office ? '' : '&unit=' + encodeURIComponent(details.myUnit);
    const mine = item => !!details.myUnit && item.agency + '@' + item.jurisdiction === details.myUnit;
    document.querySelectorAll('#records-section .unit-col').forEach(th => th.classList.toggle('hidden', !office));
    text('records-title', office ? '各参加单位的工作记录' : '本单位已报送和登记的记录');
    const kind = document.getElementById('reports-kind');

    const reports = pagedTable('reports', (page, size) => base + '/reports?page=' + page + '&size=' + size + unit
      + (kind.value ? '&kind=' + kind.value : ''), item => reportRow(item, office));
    kind.addEventListener('change', () => reports.first());

    const publicity = pagedTable('publicity', (page, size) => base + '/publicity?page=' + page + '&size=' + size + unit, item => {
      const row = document.createElement('tr');
      row.dataset.publicity = item.id;
      cell(row, '活动日期', item.heldOn);
      if (office) cell(row, '单位', item.unitName);
      cell(row, '地点', item.place);
      cell(row, '形式', item.formLabel);
      cell(row, '发放资料（份）', item.materialsHandedOut);
      cell(row, '受教育群众（人次）', item.peopleReached);
      cell(row, '备注', item.notes);
      const upload = mine(item) && item.photos.length < MAX_PHOTOS ? {
        id: 'photo-' + item.id, accept: 'image/jpeg,image/png', multiple: true, label: '上传照片',
        address: base + '/publicity/' + item.id + '/photos', done: () => publicity.again()} : null;
      filesCell(row, '照片', item.photos, index => '照片 ' + (index + 1), upload);
      return row;
    });

    const pledges = pagedTable('pledges', (page, size) => base + '/pledges?page=' + page + '&size=' + size + unit, item => {
      const row = document.createElement('tr');
      row.dataset.pledge = item.id;
      cell(row, '机构', item.institutionName);
      if (office) cell(row, '单位', item.unitName);
      cell(row, '签订日期', item.signedOn);
      cell(row, '登记时间', time(item.recordedAt));
      const upload = mine(item) ? {
        id: 'scan-' + item.id, accept: 'application/pdf,image/jpeg,image/png', label: item.scan ? '重新上传扫描件' : '上传扫描件',
        address: base + '/pledges/' + item.id + '/scan', done: () => pledges.again()} : null;
      filesCell(row, '签字扫描件', item.scan ? [item.scan] : [], () => '查看扫描件', upload);
      return row;
    });
    show('records-section', true);
    refresh.reports = () => reports.first();
    refresh.publicity = () => publicity.first();
    refresh.pledges = () => pledges.first();
    return Promise.all([reports.first(), publicity.first(), pledges.first()]);
  }

  /** The unit's count of information reports against the minimum of two. */
  async function showMyCount(campaign, details) {
    text('my-count-error', '');
    try {
      const counts = await ElderGuard.call('GET', '/api/campaigns/' + campaign.id + '/reports/counts?size=1&unit='
        + encodeURIComponent(details.myUnit));
      const mine = counts.items[0];
      const sent = mine ? mine.infoReports : 0;
      text('my-count', (mine ? mine.unitName : '本单位') + '已报送工作动态信息 ' + sent + ' 条，'
        + (sent >= MIN_INFO_REPORTS ? '已达到至少 ' + MIN_INFO_REPORTS + ' 条的要求。'
          : '至少应报送 ' + MIN_INFO_REPORTS + ' 条，还差 ' + (MIN_INFO_REPORTS - sent) + ' 条。'));
    } catch (error) {
      text('my-count-error', '无法读取本单位的报送条数：' + error.message);
    }
  }

  /** The institutions of the unit's registry, a hundred at a time (GET /api/institutions, keyset by id). */
  function institutionPicker() {
    const select = document.getElementById('institutionId');
    const more = document.getElementById('institutions-more');
    const slot = document.querySelector('#pledge-form .error[data-for="institutionId"]');
    let after = 0;
    ElderGuard.option(select, '', '请选择机构');
    async function load() {
      try {
        const page = await ElderGuard.call('GET', '/api/institutions?size=100&after=' + after);
        page.forEach(institution => {
          ElderGuard.option(select, institution.id, institution.name + '（编号 ' + institution.id + '）');
          after = institution.id;
        });
        show('institutions-more', page.length === 100);
        if (after === 0) select.options[0].textContent = '本单位机构台账中还没有机构，请先在机构台账中登记';
      } catch (error) {
        slot.textContent = '无法读取机构台账：' + error.message;
      }
    }
    more.addEventListener('click', load);
    return load();
  }

  async function showUnitWork(campaign, details, refresh) {
    const base = '/api/campaigns/' + campaign.id;
    const formSelect = document.getElementById('publicity-form-kind');
    ElderGuard.option(formSelect, '', '请选择');
    PUBLICITY_FORMS.forEach(([code, label]) => ElderGuard.option(formSelect, code, label));
    // Today as the default date, and no later (the API refuses a date in the future).
    const dates = () => ['heldOn', 'signedOn'].forEach(id => {
      const input = document.getElementById(id);
      input.max = today;
      input.value = today;
    });
    dates();
    const count = () => showMyCount(campaign, details);
    const report = kind => () => ({kind, title: document.getElementById(kind.toLowerCase() + '-title').value.trim() || null,
      body: document.getElementById(kind.toLowerCase() + '-body').value.trim() || null});
    onSubmit(document.getElementById('info-form'), base + '/reports', report('INFO'), () => Promise.all([count(), refresh.reports()]));
    onSubmit(document.getElementById('urgent-form'), base + '/reports', report('URGENT'), () => refresh.reports());
    const publicityForm = document.getElementById('publicity-form');
    onSubmit(publicityForm, base + '/publicity', () => ElderGuard.formValues(publicityForm), () => refresh.publicity());
    const pledgeForm = document.getElementById('pledge-form');
    onSubmit(pledgeForm, base + '/pledges', () => ElderGuard.formValues(pledgeForm), () => refresh.pledges());
    [publicityForm, pledgeForm].forEach(form => form.addEventListener('reset-done', dates));
    show('unit-section', true);
    if (campaign.status === 'ENDED') {
      // An ended campaign takes no new records (422); files may still be added to earlier ones.
      show('record-forms', false);
      show('records-closed', true);
      await count();
      return;
    }
    await Promise.all([count(), institutionPicker()]);
  }

  /** The office's view: the ranked assessment, the totals, the units below two information reports, the summary's exports. */
  function showOffice(campaign) {
    const base = '/api/campaigns/' + campaign.id;
    document.getElementById('assessment-xlsx').href = base + '/assessment.xlsx';
    document.getElementById('summary-xlsx').href = base + '/summary.xlsx';
    document.getElementById('summary-pdf').href = base + '/summary.pdf';

    const assessment = pagedTable('assessment', (page, size) => base + '/assessment?page=' + page + '&size=' + size, item => {
      const row = document.createElement('tr');
      row.dataset.unit = item.agency + '@' + item.jurisdiction;
      cell(row, '名次', item.rank);
      cell(row, '单位', item.unitName);
      cell(row, '得分', Number(item.score).toFixed(1));
      cell(row, '考核结果', item.standingLabel || '—').className = 'status';
      cell(row, '应报事项', item.dutiesDue);
      cell(row, '按时', item.onTime);
      cell(row, '逾期', item.late);
      cell(row, '未报', item.missing);
      cell(row, '督办次数', item.escalations);
      cell(row, '工作动态信息', item.infoReports);
      return row;
    });

    const by = document.getElementById('totals-by');
    const totals = pagedTable('totals', (page, size) => base + '/records/totals?by=' + by.value + '&page=' + page + '&size=' + size,
      item => {
        const row = document.createElement('tr');
        const name = by.value === 'unit' ? '单位' : '辖区';
        cell(row, name, item.name);
        [['单位数', item.units], ['宣传活动', item.publicityActivities], ['受教育群众（人次）', item.peopleReached],
          ['发放资料（份）', item.materialsHandedOut], ['承诺书', item.pledges], ['工作动态信息', item.infoReports],
          ['紧急情况报告', item.urgentReports]].forEach(([label, value]) => cell(row, label, value));
        return row;
      });
    by.addEventListener('change', () => {
      text('totals-name-head', by.value === 'unit' ? '单位' : '辖区');
      totals.first();
    });

    const below = pagedTable('below', (page, size) => base + '/reports/counts?below=true&page=' + page + '&size=' + size, item => {
      const row = document.createElement('tr');
      cell(row, '单位', item.unitName);
      cell(row, '工作动态信息', item.infoReports + ' 条');
      cell(row, '紧急情况报告', item.urgentReports + ' 条');
      return row;
    });
    show('office-section', true);
    return Promise.all([assessment.first(), totals.first(), below.first()]);
  }

  ElderGuard.session().then(async session => {
    text('user', session.displayName);
    const zone = session.timeZone;
    if (zone) when = new Intl.DateTimeFormat('zh-CN', {dateStyle: 'medium', timeStyle: 'short', timeZone: zone});
    // Today in the installation's zone, as the dates of the form (yyyy-mm-dd).
    today = new Intl.DateTimeFormat('en-CA', zone ? {timeZone: zone} : {}).format(new Date());
    labels = await ElderGuard.call('GET', '/api/organisation/labels');
    const id = params.get('id');
    if (id) {
      await showCampaign(id);
      return;
    }
    show('list-section', true);
    await pager('list', PAGE_SIZE, listPage).start();
    const kind = session.scope && session.scope.kind;
    if (kind === 'SUPERVISOR' || kind === 'EVERYTHING') await setUpLaunch();
  }).catch(error => text('page-error', error.message));
})();

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
      await showExtras(campaign);
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

  /** Whether the server answers the address (it may not offer it yet); never throws. */
  async function offered(url, method) {
    try {
      const response = await fetch(url, {method, headers: {'X-Requested-With': 'fetch'}});
      if (!response.ok) return null;
      return method === 'HEAD' ? true : await response.json();
    } catch (ignored) {
      return null;
    }
  }

  function linkItem(list, href, label) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = label;
    item.appendChild(link);
    list.appendChild(item);
  }

  function count(data) {
    if (Array.isArray(data)) return data.length;
    if (data && typeof data.total === 'number') return data.total;
    if (data && Array.isArray(data.items)) return data.items.length;
    return null;
  }

  /** The summary's exports, the assessment and the units' records, each shown once the server offers it. */
  async function showExtras(campaign) {
    const base = '/api/campaigns/' + campaign.id;
    const exports = document.getElementById('exports');
    const [xlsx, pdf, assessment, assessmentXlsx] = await Promise.all([
      offered(base + '/summary.xlsx', 'HEAD'), offered(base + '/summary.pdf', 'HEAD'),
      offered(base + '/assessment', 'GET'), offered(base + '/assessment.xlsx', 'HEAD')]);
    if (xlsx) linkItem(exports, base + '/summary.xlsx', '下载专项行动总结报告（Excel）');
    if (pdf) linkItem(exports, base + '/summary.pdf', '下载专项行动总结报告（PDF，可打印）');
    if (assessment) {
      const n = count(assessment);
      const item = document.createElement('li');
      item.textContent = '考核：' + (n === null ? '已生成' : '共 ' + n + ' 个单位参加排名');
      exports.appendChild(item);
    }
    if (assessmentXlsx) linkItem(exports, base + '/assessment.xlsx', '下载考核排名表（Excel）');
    show('exports-section', exports.children.length > 0);

    const records = document.getElementById('records');
    const kinds = [['reports', '信息报送和紧急情况报告'], ['publicity', '宣传活动'], ['pledges', '承诺书']];
    const found = await Promise.all(kinds.map(([path]) => offered(base + '/' + path, 'GET')));
    kinds.forEach(([, label], index) => {
      if (!found[index]) return;
      const n = count(found[index]);
      const item = document.createElement('li');
      item.textContent = label + '：' + (n === null ? '已有记录' : n + ' 条');
      records.appendChild(item);
    });
    show('records-section', records.children.length > 0);
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

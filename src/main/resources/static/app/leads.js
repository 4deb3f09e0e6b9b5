// Officers' lead entry. One idempotency key per filled-in form: a double click registers one lead.
(() => {
  const form = document.getElementById('lead-form');
  const source = document.getElementById('source');
  const region = document.getElementById('region');
  let idempotencyKey = crypto.randomUUID();

  function toggleTipster() {
    const tip = source.value === 'PUBLIC_TIP';
    document.getElementById('tipster').classList.toggle('hidden', !tip);
    document.querySelectorAll('#tipster input').forEach(input => { input.disabled = !tip; });
  }
  source.addEventListener('change', toggleTipster);
  toggleTipster();

  /** The user's own jurisdiction and everything below it, indented by level. */
  async function loadRegions(code, depth) {
    const node = await ElderGuard.call('GET', '/api/organisation/jurisdictions/' + code);
    ElderGuard.option(region, node.jurisdiction.code, '　'.repeat(depth) + node.jurisdiction.name);
    for (const child of node.children) {
      await loadRegions(child.code, depth + 1);
    }
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    ElderGuard.showErrors(form, null);
    try {
      const receipt = await fetchWithKey(ElderGuard.formValues(form));
      const box = document.getElementById('receipt');
      // Without caseId the case is not the submitter's to read (a grid worker, another town): the receipt says no more.
      box.textContent = receipt.caseId === undefined
        ? '已登记线索 ' + receipt.leadId + '，已转承办单位核查；办理进度见下方“我登记的线索”。'
        : '已登记线索 ' + receipt.leadId + '，' + (receipt.newCase ? '新立案件 ' : '并入在办案件 ') + receipt.caseId
          + (receipt.institutionNeedsConfirmation ? '；该机构不在台账中，已按所报信息新建为未登记场所，待核查时确认。' : '。');
      box.classList.remove('hidden');
      form.dispatchEvent(new CustomEvent('lead-registered', {detail: receipt}));
      form.reset();
      toggleTipster();
      idempotencyKey = crypto.randomUUID();
      document.dispatchEvent(new CustomEvent('elderguard:lead-registered', {detail: receipt}));
    } catch (error) {
      ElderGuard.showErrors(form, error);
    }
  });

  async function fetchWithKey(body) {
    const session = await ElderGuard.session();
    const headers = {'X-Requested-With': 'fetch', 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey};
    headers[session.csrf.header] = session.csrf.token;
    const response = await fetch('/api/leads', {method: 'POST', headers, body: JSON.stringify(body)});
    const data = await response.json();
    if (!response.ok) {
      const error = new Error(data.detail || data.title);
      error.problem = data;
      throw error;
    }
    return data;
  }

  ElderGuard.session().then(session => {
    document.getElementById('user').textContent = session.displayName;
    return loadRegions(session.scope.region || '999001000000', 0);
  }).catch(error => ElderGuard.showErrors(form, error));
})();

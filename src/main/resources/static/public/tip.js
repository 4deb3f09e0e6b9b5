// The public tip page: no login. Talks to /public/api only.
(() => {
  const town = document.getElementById('town');
  const village = document.getElementById('village');
  const jurisdiction = document.getElementById('jurisdiction');
  const tipForm = document.getElementById('tip-form');
  const statusForm = document.getElementById('status-form');

  async function places(parent, select) {
    const query = parent ? '?parent=' + encodeURIComponent(parent) : '';
    const list = await ElderGuard.call('GET', '/public/api/jurisdictions' + query);
    list.forEach(place => ElderGuard.option(select, place.code, place.name));
  }

  town.addEventListener('change', async () => {
    village.length = 1;
    jurisdiction.value = town.value;
    if (town.value) await places(town.value, village);
  });
  village.addEventListener('change', () => { jurisdiction.value = village.value || town.value; });

  document.getElementById('anonymous').addEventListener('change', event => {
    const contact = document.getElementById('contact');
    contact.classList.toggle('hidden', event.target.checked);
    contact.querySelectorAll('input').forEach(input => { input.disabled = event.target.checked; });
  });
  document.querySelectorAll('#contact input').forEach(input => { input.disabled = true; });

  tipForm.addEventListener('submit', async event => {
    event.preventDefault();
    ElderGuard.showErrors(tipForm, null);
    if (!jurisdiction.value) {
      ElderGuard.showErrors(tipForm, {problem: {errors: [{field: 'institution.jurisdiction', message: '请选择所在乡镇（街道）'}]}});
      return;
    }
    try {
      const receipt = await ElderGuard.call('POST', '/public/api/tips', ElderGuard.formValues(tipForm));
      document.getElementById('tracking-code').textContent = receipt.trackingCode;
      document.getElementById('receipt').classList.remove('hidden');
      document.getElementById('tip-section').classList.add('hidden');
      document.getElementById('lookup-code').value = receipt.trackingCode;
    } catch (error) {
      ElderGuard.showErrors(tipForm, error);
    }
  });

  /** "再报一条": an empty form again (the place stays chosen: a second tip is often about the same area). */
  function anotherTip() {
    const place = {town: town.value, village: village.value, jurisdiction: jurisdiction.value};
    tipForm.reset();
    town.value = place.town;
    village.value = place.village;
    jurisdiction.value = place.jurisdiction;
    document.querySelectorAll('#contact input').forEach(input => { input.disabled = true; });
    document.getElementById('contact').classList.add('hidden');
    ElderGuard.showErrors(tipForm, null);
    document.getElementById('receipt').classList.add('hidden');
    document.getElementById('tip-section').classList.remove('hidden');
    document.getElementById('institution-name').focus();
    document.getElementById('tip-section').scrollIntoView();
  }
  document.getElementById('another-tip').addEventListener('click', anotherTip);
  document.getElementById('lookup-another-tip').addEventListener('click', anotherTip);

  /** Messages a member of the public can act on, whatever the server answered. */
  function lookupMessage(error) {
    if (error.status === 404) {
      return '没有找到这个查询码对应的举报。请核对查询码（12 位字母和数字，如 K7QH-3MXD-9TWA，字母不分大小写）后重试；'
        + '查询码遗失的，可以点“再报一条”重新举报。';
    }
    if (error.status === 429) {
      return error.message || '查询太频繁，请稍后再试。';
    }
    if (!error.status || error.status >= 500) {
      return '暂时无法查询，请稍后再试。';
    }
    return error.message;
  }

  statusForm.addEventListener('submit', async event => {
    event.preventDefault();
    ElderGuard.showErrors(statusForm, null);
    const anotherButton = document.getElementById('lookup-another-tip');
    anotherButton.classList.add('hidden');
    const code = document.getElementById('lookup-code').value.trim();
    if (!code) {
      ElderGuard.showErrors(statusForm, {problem: {errors: [{field: 'trackingCode', message: '请输入提交举报时得到的查询码'}]}});
      return;
    }
    try {
      const status = await ElderGuard.call('GET', '/public/api/tips/' + encodeURIComponent(code));
      document.getElementById('status-label').textContent = status.statusLabel;
      document.getElementById('status-feedback').textContent = status.feedback || '暂无';
      document.getElementById('status').classList.remove('hidden');
    } catch (error) {
      document.getElementById('status').classList.add('hidden');
      ElderGuard.showErrors(statusForm, {problem: {errors: [{field: 'trackingCode', message: lookupMessage(error)}]}});
      if (error.status === 404) anotherButton.classList.remove('hidden');
    }
  });

  places(null, town).catch(error => ElderGuard.showErrors(tipForm, error));
})();

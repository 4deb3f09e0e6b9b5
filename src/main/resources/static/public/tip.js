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

  statusForm.addEventListener('submit', async event => {
    event.preventDefault();
    ElderGuard.showErrors(statusForm, null);
    const code = document.getElementById('lookup-code').value.trim();
    try {
      const status = await ElderGuard.call('GET', '/public/api/tips/' + encodeURIComponent(code));
      document.getElementById('status-label').textContent = status.statusLabel;
      document.getElementById('status-feedback').textContent = status.feedback || '暂无';
      document.getElementById('status').classList.remove('hidden');
    } catch (error) {
      document.getElementById('status').classList.add('hidden');
      ElderGuard.showErrors(statusForm, error);
    }
  });

  places(null, town).catch(error => ElderGuard.showErrors(tipForm, error));
})();

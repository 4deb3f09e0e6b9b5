// Shared by ElderGuard's pages. User data is only ever put into the page as text (textContent), never
// as markup, so whatever someone typed into a lead is shown, not run.
const ElderGuard = (() => {
  let csrf = null;

  /** The webapps' login page, which sends the person back to this page once logged in (welcome/scripts/config.js). */
  function loginUrl() {
    return '/camunda/app/welcome/default/?next=' + encodeURIComponent(window.location.pathname + window.location.search) + '#!/login';
  }

  async function session() {
    const response = await fetch('/api/session', {headers: {'X-Requested-With': 'fetch'}});
    if (response.status === 401) {
      window.location.href = loginUrl();
      throw new Error('请先登录');
    }
    const body = await response.json();
    csrf = body.csrf;
    addLogout();
    return body;
  }

  /** 退出登录 in every page's header: ends the session of the pages and the webapps alike. */
  function addLogout() {
    const nav = document.querySelector('header nav');
    if (!nav || document.getElementById('logout')) return;
    const button = document.createElement('button');
    button.id = 'logout';
    button.type = 'button';
    button.className = 'logout';
    button.textContent = '退出登录';
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await call('POST', '/api/session/logout');
      } catch (ignored) {
        // Already logged out (an expired session): the login page is the right place either way.
      }
      window.location.href = loginUrl();
    });
    nav.appendChild(button);
  }

  async function call(method, url, body, isForm) {
    const headers = {'X-Requested-With': 'fetch'};
    if (csrf) headers[csrf.header] = csrf.token;
    if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, {method, headers, body: isForm ? body : JSON.stringify(body)});
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (ignored) { data = null; }
    if (!response.ok) {
      const error = new Error((data && (data.detail || data.title)) || ('请求失败（' + response.status + '）'));
      error.problem = data;
      error.status = response.status;
      throw error;
    }
    return data;
  }

  /** Clears the form's messages, then shows each error next to its field (data-field) or in the summary. */
  function showErrors(form, error) {
    form.querySelectorAll('.error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
    const summary = form.querySelector('.error[data-for="form"]');
    if (!error) return;
    const errors = (error.problem && error.problem.errors) || [];
    let unplaced = errors.length === 0 ? [error.message] : [];
    for (const e of errors) {
      const slot = form.querySelector('.error[data-for="' + e.field + '"]');
      const input = form.querySelector('[name="' + e.field + '"]');
      if (input) input.classList.add('invalid');
      if (slot) slot.textContent = e.message; else unplaced.push(e.field + '：' + e.message);
    }
    if (summary) summary.textContent = unplaced.join('；');
  }

  /** Reads the form's named fields into a nested object: "institution.name" becomes {institution: {name}}. */
  function formValues(form) {
    const values = {};
    for (const element of form.elements) {
      if (!element.name || element.disabled) continue;
      let value = element.type === 'checkbox' ? element.checked : element.value.trim();
      if (value === '') value = null;
      if (value !== null && element.dataset.type === 'number') value = Number(value);
      const path = element.name.split('.');
      let target = values;
      path.slice(0, -1).forEach(key => { target = target[key] = target[key] || {}; });
      target[path[path.length - 1]] = value;
    }
    return values;
  }

  function option(select, value, label) {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = label;
    select.appendChild(element);
  }

  return {session, call, showErrors, formValues, option};
})();

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

  /**
   * A region picker on a select: the way down from the caller's top region to the chosen one, then the chosen one's
   * children; choosing a child goes a level down, choosing a region above goes back up. Regions are looked up once.
   */
  function regionPicker(select) {
    const nodes = new Map();
    let top = [];
    let region = null;

    /** A region with its children and units, or null when the caller may not see it. */
    function node(code) {
      if (!nodes.has(code)) {
        nodes.set(code, call('GET', '/api/organisation/jurisdictions/' + code).catch(() => null));
      }
      return nodes.get(code);
    }

    async function name(code) {
      const found = code ? await node(code) : null;
      return found ? found.jurisdiction.name : (code || '');
    }

    /**
     * Where picking starts: the caller's own jurisdiction; for an administrator the top of the tree, and as long as a
     * region has a single child, that child (a province with one city with one county starts at the county). Null for
     * someone without a jurisdiction.
     */
    async function start() {
      top = await call('GET', '/api/organisation/jurisdictions');
      if (top.length === 0) return null;
      let code = top[0].code;
      for (let depth = 0; depth < 5; depth++) {
        const found = await node(code);
        if (!found || found.children.length !== 1) break;
        code = found.children[0].code;
      }
      return code;
    }

    async function show(code) {
      region = code;
      select.replaceChildren();
      const path = [];
      for (let at = region; at; ) {
        const found = await node(at);
        if (!found) break;
        path.unshift(found.jurisdiction);
        if (top.some(t => t.code === at)) break;
        at = found.jurisdiction.parent;
      }
      path.forEach((j, depth) => option(select, j.code, '　'.repeat(depth) + j.name));
      for (const t of top) {
        if (!path.some(j => j.code === t.code)) option(select, t.code, t.name);
      }
      const found = await node(region);
      for (const child of (found ? found.children : [])) {
        option(select, child.code, '　'.repeat(path.length) + child.name + ' ▸');
      }
      select.value = region;
    }

    return {node, name, start, show, value: () => region};
  }

  return {session, call, showErrors, formValues, option, regionPicker};
})();

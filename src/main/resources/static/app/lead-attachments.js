// Attachments of a lead just registered on leads.html (docs/intake.md, "Attachments"): the files chosen in the form
// are uploaded one after the other once the lead exists, each with its progress and, if refused, the server's
// reason. File names are shown as text only.
(() => {
  const form = document.getElementById('lead-form');
  const inputs = [document.getElementById('attachment-photo'), document.getElementById('attachment-files')];
  const section = document.getElementById('attachment-upload');
  const list = document.getElementById('attachment-status');
  const more = document.getElementById('attachment-more');
  let leadId = null;
  const chosen = document.getElementById('attachment-chosen');

  function showChosen() {
    const names = inputs.flatMap(input => Array.from(input.files).map(file => file.name));
    chosen.textContent = names.length ? '已选择：' + names.join('、') : '未选择文件';
  }
  inputs.forEach(input => input.addEventListener('change', showChosen));

  form.addEventListener('lead-registered', event => {
    // Read the chosen files now: the form is reset right after this event.
    const files = inputs.flatMap(input => Array.from(input.files));
    inputs.forEach(input => { input.value = ''; });
    showChosen();
    leadId = event.detail.leadId;
    list.replaceChildren();
    section.classList.toggle('hidden', files.length === 0);
    uploadAll(leadId, files);
  });

  more.addEventListener('change', () => {
    const files = Array.from(more.files);
    more.value = '';
    if (leadId !== null) uploadAll(leadId, files);
  });

  async function uploadAll(lead, files) {
    if (files.length === 0) return;
    let session;
    try {
      session = await ElderGuard.session();
    } catch (error) {
      files.forEach(file => line(file).textContent = file.name + '：上传失败，' + error.message);
      return;
    }
    for (const file of files) {
      await upload(lead, file, line(file), session.csrf);
    }
  }

  function line(file) {
    const item = document.createElement('li');
    item.textContent = file.name + '：等待上传';
    list.appendChild(item);
    section.classList.remove('hidden');
    return item;
  }

  /** XMLHttpRequest rather than fetch: only it reports upload progress. Resolves when done, whatever the outcome. */
  function upload(lead, file, item, csrf) {
    return new Promise(resolve => {
      const request = new XMLHttpRequest();
      request.open('POST', '/api/leads/' + encodeURIComponent(lead) + '/attachments');
      request.setRequestHeader('X-Requested-With', 'fetch');
      if (csrf) request.setRequestHeader(csrf.header, csrf.token);
      request.upload.addEventListener('progress', event => {
        if (event.lengthComputable) {
          item.textContent = file.name + '：上传中 ' + Math.floor(event.loaded * 100 / event.total) + '%';
        }
      });
      request.addEventListener('load', () => {
        if (request.status === 201) {
          item.textContent = file.name + '：已上传';
          item.className = 'uploaded';
        } else {
          item.textContent = file.name + '：上传失败，' + reason(request);
          item.className = 'error';
        }
        resolve();
      });
      request.addEventListener('error', () => {
        item.textContent = file.name + '：上传失败，网络中断，请在下方重新选择该文件上传';
        item.className = 'error';
        resolve();
      });
      const body = new FormData();
      body.append('file', file);
      request.send(body);
    });
  }

  function reason(request) {
    let problem = null;
    try { problem = JSON.parse(request.responseText); } catch (ignored) { problem = null; }
    if (problem && problem.errors && problem.errors.length) return problem.errors.map(e => e.message).join('；');
    if (problem && (problem.detail || problem.title)) return problem.detail || problem.title;
    if (request.status === 413) return '文件过大';
    return '请求失败（' + request.status + '），请稍后重试';
  }
})();

// 案卷 page: /app/case.html?id=<case id> or ?task=<task id> (the case of the task's business key).
import {renderCaseFile} from '/assets/case-file.js';

const params = new URLSearchParams(window.location.search);
const root = document.getElementById('case-file');

ElderGuard.session().then(session => {
  document.getElementById('user').textContent = session.displayName;
  return renderCaseFile(root, {caseId: params.get('id'), taskId: params.get('task')});
}).catch(error => {
  root.textContent = '';
  root.appendChild(document.createTextNode(error.message));
});

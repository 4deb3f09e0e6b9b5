// Tasklist's 案卷 tab (plugin point tasklist.task.detail, docs/case-file.md): the case file of the open task,
// drawn by the same code as /app/case.html. Registered in config.js under customScripts.
const STYLESHEET = '/assets/case-file.css';

function addStylesheet() {
  if (!document.querySelector('link[href="' + STYLESHEET + '"]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    document.head.appendChild(link);
  }
}

export default {
  id: 'elderguard.caseFile',
  pluginPoint: 'tasklist.task.detail',
  // After 表单 (the first tab, opened by default), before 历史.
  priority: 900,
  properties: {label: '案卷'},
  render: (node, {taskId}, scope) => {
    addStylesheet();
    const root = document.createElement('div');
    root.className = 'eg-case-file-tab';
    node.appendChild(root);
    let shown = null;
    const show = id => {
      if (!id || id === shown) return;
      shown = id;
      import('/assets/case-file.js').then(module => module.renderCaseFile(root, {taskId: id}))
        .catch(() => { root.textContent = '案卷暂时无法加载，请刷新页面后重试。'; });
    };
    show(taskId);
    // The tab may stay open while another task is selected.
    if (scope && scope.$watch) {
      scope.$watch(() => scope.task && scope.task.id, show);
    }
  }
};

// ElderGuard overrides the webjar's tasklist/scripts/config.js; see ../../elderguard-locale.js.
import {locales, dateFormat, chinese} from '../../elderguard-locale.js';

export default {
  app: {name: chinese ? '任务列表' : 'Tasklist', vendor: 'ElderGuard'},
  locales,
  dateFormat,
  // ElderGuard's own scripts, relative to the tasklist app folder (one line each): Chinese texts, default sort and
  // notices (docs/tasklist.md); the 案卷 tab beside every task (docs/case-file.md).
  customScripts: [
    'scripts/elderguard/tasklist.js',
    'scripts/case-file-tab.js'
  ],
  // The webjar's shortcuts, with descriptions users read in the shortcut help dialog.
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: chinese ? '认领当前选中的任务' : 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: chinese ? '将焦点移到第一个过滤器' : 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: chinese ? '将焦点移到任务列表的第一个任务' : 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: chinese ? '将焦点移到任务表单的第一个输入框' : 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: chinese ? '打开"发起流程"对话框' : 'opens the start process modal dialog'}
  }
};

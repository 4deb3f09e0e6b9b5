// ElderGuard overrides the webjar's welcome/scripts/config.js; see ../../elderguard-locale.js.
import {locales, dateFormat, chinese} from '../../elderguard-locale.js';

export default {
  app: {name: chinese ? '欢迎' : 'Welcome', vendor: 'ElderGuard'},
  locales,
  dateFormat,
  // ElderGuard's own pages, reached with the same login, and the language switch.
  links: chinese
    ? [
      {label: '专项行动', href: '/app/campaigns.html', description: '发起专项行动、查看各阶段和参加单位（处非办、领导小组发起）'},
      {label: '线索登记', href: '/app/leads.html', description: '登记网格巡查、热线举报和媒体曝光线索'},
      {label: '机构台账', href: '/app/institutions.html', description: '摸排对象清单：查看、登记、导入 Excel'},
      {label: '办理时限', href: '/app/deadlines.html', description: '各任务办理时限、逾期督办节点和工作日历'},
      {label: '部署记录', href: '/app/deployments.html', description: '模型部署记录：谁在何时改了哪些流程、决策表和表单（系统管理员）'},
      {label: '流程迁移', href: '/app/migration.html', description: '把运行中的案件迁移到新版本流程，修复卡住的案件（系统管理员）'},
      {label: '群众举报页面', href: '/public/tip.html', description: '面向群众的举报和进度查询页面（无需登录）'},
      {label: 'English', href: '?locale=en', description: 'Switch the ElderGuard web applications to English'}
    ]
    : [
      {label: 'Campaigns', href: '/app/campaigns.html', description: 'Launch a campaign (offices and leading groups); its phases and participating units'},
      {label: 'Register a lead', href: '/app/leads.html', description: 'Grid patrol findings, hotline tips, media reports'},
      {label: 'Institutions', href: '/app/institutions.html', description: 'The screening list: view, add, import'},
      {label: 'Service levels', href: '/app/deadlines.html', description: 'Due periods, escalation steps, working-day calendar'},
      {label: 'Deployments', href: '/app/deployments.html', description: 'Who changed which process, decision and form, and when (administrators)'},
      {label: 'Migration', href: '/app/migration.html', description: 'Move running cases to a new process version; repair stuck cases (administrators)'},
      {label: 'Public tip page', href: '/public/tip.html', description: 'Where the public reports (no login)'},
      {label: '中文', href: '?locale=zh', description: '将 ElderGuard 网页应用切换为简体中文'}
    ]
};

// Back to the ElderGuard page that sent the person here to log in (/camunda/app/welcome/default/?next=/app/…,
// see security/SecurityConfiguration and assets/elderguard.js) as soon as the login succeeded. Only our own pages
// are accepted as a target, so the link cannot send anyone to another site.
const next = new URLSearchParams(window.location.search).get('next');
const ownPage = /^\/app\/[\w\-.\/]*(\?[\w\-.=&%]*)?$/;

function backToThePageOnceLoggedIn() {
  if (!next || !ownPage.test(next) || window.location.hash.startsWith('#!/login')) {
    return;
  }
  fetch('/api/session', {headers: {'X-Requested-With': 'fetch'}})
    .then(response => { if (response.ok) window.location.replace(next); })
    .catch(() => {});
}

window.addEventListener('hashchange', backToThePageOnceLoggedIn);
backToThePageOnceLoggedIn();

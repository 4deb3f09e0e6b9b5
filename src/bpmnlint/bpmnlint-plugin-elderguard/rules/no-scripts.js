'use strict';

const { is, reportedId, message } = require('./support');

// Scripts run arbitrary code inside the engine. Refused unless the administrator setting
// elderguard.models.script-languages names the language; mirror that setting here as
// { "languages": [ ... ] } (none today: no script engine is on the classpath).
module.exports = function(config) {
  const languages = (config && config.languages || []).map(language => language.toLowerCase());

  function allowed(language) {
    return !!language && languages.includes(String(language).toLowerCase());
  }

  function check(node, reporter) {
    const id = reportedId(node);
    let what = null;
    if (node.$type === 'bpmn:ScriptTask' && !allowed(node.scriptFormat)) {
      what = [ '脚本任务', 'a script task' ];
    } else if (/^camunda:script$/i.test(node.$type) && !allowed(node.scriptFormat)) {
      what = [ '脚本（camunda:script）', 'a script (camunda:script)' ];
    } else if (is(node, 'bpmn:Expression') && node.language && !allowed(node.language)) {
      what = [ ' ' + node.language + ' 脚本条件或表达式', 'a ' + node.language + ' script condition or expression' ];
    }
    if (what) {
      reporter.report(id, message(
        '元素 ' + id + ' 含有' + what[0] + '：不允许运行脚本；请改用 Delegate expression 调用应用的 bean，条件改用 ${...} 表达式',
        'element ' + id + ' contains ' + what[1] + ', and scripts are not allowed: call an application bean through a delegate expression, write conditions as ${...}'));
    }
  }

  return { check };
};

'use strict';

const { is, camunda, blank, message } = require('./support');

// The engine refuses an executable process without a history time-to-live (or an engine default);
// ours always sets it on the model, so history cleanup knows how long each case's history is kept.
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:Process') || !node.isExecutable) {
      return;
    }
    if (blank(camunda(node, 'historyTimeToLive'))) {
      reporter.report(node.id, message(
        '流程 ' + node.id + ' 未设置历史保留期限：请在 Modeler 的 History cleanup 中填写 Time to live（如 1825 天）',
        'process ' + node.id + ' has no history time-to-live: set History cleanup > Time to live in Modeler (e.g. 1825 days)'));
    }
  }

  return { check };
};

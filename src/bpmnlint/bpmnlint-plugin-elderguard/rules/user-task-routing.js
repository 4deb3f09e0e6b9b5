'use strict';

const { is, extensions, message } = require('./support');

// The task listener that offers a task to the responsible unit (docs/organisation.md). Without it a task
// has no candidate group and nobody sees it. The bean name is the @Component name of
// organisation/RouteToUnitListener.
const LISTENER = '${routeToUnit}';

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const routed = extensions(node, 'TaskListener').some(listener =>
      listener.event === 'create' && (listener.delegateExpression || '').replace(/\s/g, '') === LISTENER);
    if (!routed) {
      reporter.report(node.id, message(
        '用户任务 ' + node.id + ' 没有分派到单位的监听器：请在 Modeler 的 Task listeners 中添加 Event type create、Delegate expression ' + LISTENER,
        'user task ' + node.id + ' is not routed to a unit: add a task listener in Modeler, event type create, delegate expression ' + LISTENER));
    }
  }

  return { check };
};

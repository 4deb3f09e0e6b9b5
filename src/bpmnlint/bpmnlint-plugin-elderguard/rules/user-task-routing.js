'use strict';

const { is, extensions, blank, message } = require('./support');

// The engine offers every user task to the responsible unit (organisation/RouteToUnitListener, added to every
// user task by the engine plugin; docs/organisation.md). What it needs from the model is whom: the task's
// extension property agency (one or more agencies, comma-separated) or agencyVariable (the variable holding
// the agency). Without either a task would fall to the case's responsible agency by accident. The Java gate
// also checks the agencies against the organisation's list.
const AGENCIES = /^[A-Z][A-Z0-9_]*(\s*,\s*[A-Z][A-Z0-9_]*)*$/;

function property(node, name) {
  const found = extensions(node, 'Properties')
    .flatMap(properties => properties.values || properties.$children || [])
    .find(value => value.name === name);
  return found && !blank(found.value) ? String(found.value).trim() : undefined;
}

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const agency = property(node, 'agency');
    if (agency === undefined && property(node, 'agencyVariable') === undefined) {
      reporter.report(node.id, message(
        '用户任务 ' + node.id + ' 没有指明承办部门：请在 Modeler 的 Extension properties 中添加 agency（如 CIVIL_AFFAIRS，多个用逗号分隔）或 agencyVariable（存放部门的流程变量名，如 responsibleAgency）',
        'user task ' + node.id + ' names no agency: add the extension property agency (e.g. CIVIL_AFFAIRS, comma-separated) or agencyVariable (the variable holding the agency, e.g. responsibleAgency) in Modeler'));
    } else if (agency !== undefined && !AGENCIES.test(agency)) {
      reporter.report(node.id, message(
        '用户任务 ' + node.id + ' 的扩展属性 agency 为 ' + agency + '，应为部门代码，多个用逗号分隔（如 POLITICAL_LEGAL,PETITIONS）',
        'user task ' + node.id + '\'s extension property agency is ' + agency + '; use agency codes, comma-separated (e.g. POLITICAL_LEGAL,PETITIONS)'));
    }
  }

  return { check };
};

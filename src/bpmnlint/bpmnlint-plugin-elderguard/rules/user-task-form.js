'use strict';

const { is, camunda, blank, message } = require('./support');

const BINDINGS = [ 'deployment', 'latest', 'version' ];

// Every user task shows a Camunda Form bound explicitly: without formRef and its binding Tasklist shows
// "表单错误" and the task cannot be completed. Whether the form exists is the Java gate's part.
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const formRef = camunda(node, 'formRef');
    const binding = camunda(node, 'formRefBinding');
    if (blank(formRef)) {
      reporter.report(node.id, message(
        '用户任务 ' + node.id + ' 未关联表单：请在 Modeler 的 Form 中选择 Camunda Forms (linked)，填写 Form ID 并选 binding deployment',
        'user task ' + node.id + ' has no form: in Modeler choose Form > Camunda Forms (linked), fill in the Form ID and choose binding deployment'));
    } else if (blank(binding) || !BINDINGS.includes(binding)) {
      reporter.report(node.id, message(
        '用户任务 ' + node.id + ' 的表单 ' + formRef + ' 未指定 binding：请在 Modeler 中选 deployment（与流程一同部署表单）',
        'user task ' + node.id + ' binds form ' + formRef + ' without a binding: choose deployment in Modeler (deploy the form with the process)'));
    } else if (binding === 'version' && blank(camunda(node, 'formRefVersion'))) {
      reporter.report(node.id, message(
        '用户任务 ' + node.id + ' 的表单 binding 为 version 但未填版本号：请填写 Version 或改选 deployment',
        'user task ' + node.id + ' binds its form by version but names no version: fill in Version or choose deployment'));
    }
  }

  return { check };
};

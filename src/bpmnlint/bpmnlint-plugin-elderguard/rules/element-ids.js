'use strict';

const { is, isBpmn, message } = require('./support');

// The project's id pattern (docs/modeler.md, "Element ids"): what a person names in Modeler's ID field
// and code, tests and migration refer to is a kind prefix plus a PascalCase name; elements whose id
// Modeler does not show (event definitions, messages, lane sets ...) keep their kind as prefix but may
// keep Modeler's generated suffix. The Java gate applies the same table.
const NAME = '[A-Z][A-Za-z0-9]*';

const PROCESS = new RegExp('^' + NAME + '$');

// Checked in this order: the first kind an element is an instance of decides its prefix.
const NAMED = [
  [ 'bpmn:SubProcess', 'SubProcess' ],
  [ 'bpmn:Activity', 'Task' ],
  [ 'bpmn:StartEvent', 'StartEvent' ],
  [ 'bpmn:EndEvent', 'EndEvent' ],
  [ 'bpmn:BoundaryEvent', 'BoundaryEvent' ],
  [ 'bpmn:Event', 'Event' ],
  [ 'bpmn:Gateway', 'Gateway' ],
  [ 'bpmn:SequenceFlow', 'SequenceFlow' ]
];

/** Modeler's ID field with the right kind: the id's own name if it has one (Flow_ToX -> SequenceFlow_ToX). */
function example(id, prefix, fallback) {
  const name = id.slice(id.indexOf('_') + 1);
  return new RegExp('^' + NAME + '$').test(name) ? prefix + '_' + name : prefix + '_' + fallback;
}

function expected(element) {
  if (is(element, 'bpmn:Process')) {
    return { pattern: PROCESS, example: 'LeadDisposal', zh: '英文驼峰名称（与文件名相同）', en: 'a PascalCase name (the file name)' };
  }
  for (const [ type, prefix ] of NAMED) {
    if (is(element, type)) {
      return {
        pattern: new RegExp('^' + prefix + '_' + NAME + '$'),
        example: example(element.id, prefix, 'VerifyLead'),
        zh: prefix + '_ 加英文驼峰名称',
        en: prefix + '_ plus a PascalCase name'
      };
    }
  }
  const kind = element.$type.slice('bpmn:'.length);
  return {
    pattern: new RegExp('^' + kind + '_[A-Za-z0-9]+$'),
    example: example(element.id, kind, 'FollowUpDue'),
    zh: kind + '_ 加字母或数字',
    en: kind + '_ plus letters or digits'
  };
}

module.exports = function() {

  function check(node, reporter) {
    // Definitions_ and the diagram (bpmndi, dc, di) are not model elements anyone refers to.
    if (!isBpmn(node) || is(node, 'bpmn:Definitions') || !node.id) {
      return;
    }
    const rule = expected(node);
    if (!rule.pattern.test(node.id)) {
      reporter.report(node.id, message(
        '元素 id「' + node.id + '」不符合命名规则：请在 Modeler 中改为 ' + rule.zh + '，如 ' + rule.example,
        'id ' + node.id + ' does not follow the id pattern: rename it in Modeler to ' + rule.en + ', e.g. ' + rule.example));
    }
  }

  return { check };
};

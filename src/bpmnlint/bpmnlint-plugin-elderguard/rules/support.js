'use strict';

// Helpers shared by the rules; no dependencies, so the plugin runs wherever bpmnlint runs.

/** The id to name in a report: the element's own, or that of the nearest BPMN element around it. */
function reportedId(element) {
  for (let current = element; current; current = current.$parent) {
    if (current.id && isBpmn(current)) {
      return current.id;
    }
  }
  return element.id;
}

/** Whether an element is of a type or a subtype (extension elements of unknown namespaces have no types). */
function is(element, type) {
  return element.$instanceOf ? element.$instanceOf(type) : element.$type === type;
}

function isBpmn(element) {
  return typeof element.$type === 'string' && element.$type.startsWith('bpmn:');
}

/** A Camunda attribute of a BPMN element (camunda:formRef ...), whether or not the Camunda moddle is loaded. */
function camunda(element, name) {
  const value = element.get ? element.get('camunda:' + name) : undefined;
  return value !== undefined ? value : (element.$attrs || {})['camunda:' + name];
}

/** The extension elements of one Camunda type, e.g. 'TaskListener'. */
function extensions(element, type) {
  const values = element.extensionElements && element.extensionElements.values || [];
  // Typed (camunda:TaskListener) when the Camunda moddle is loaded, generic (camunda:taskListener) otherwise.
  return values.filter(value => String(value.$type).toLowerCase() === ('camunda:' + type).toLowerCase());
}

function blank(value) {
  return value === undefined || value === null || String(value).trim() === '';
}

/** One line, Chinese then English, as the Java gate reports it. */
function message(chinese, english) {
  return chinese + ' / ' + english;
}

module.exports = { reportedId, is, isBpmn, camunda, extensions, blank, message };

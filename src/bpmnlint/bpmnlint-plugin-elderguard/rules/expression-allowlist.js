'use strict';

const { reportedId, isBpmn, camunda, message } = require('./support');

// A simplified lexer for the JUEL in a model (docs/modeler.md, rule expression-allowlist): variable reads,
// literals, operators and property paths pass; reflection, calls on anything but an allowlisted bean and
// Java classes named by the model are refused. The Java gate parses every expression properly and is
// the authority; this gives the same answer early.
//
// Config (.bpmnlintrc): { "beans": [ names whose methods models may call ], "functions": [ JUEL functions ] }

const KEYWORDS = [ 'and', 'or', 'not', 'empty', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'div', 'mod', 'instanceof' ];

// Text that is documentation, not evaluated.
const NOT_EVALUATED = [ 'bpmn:Documentation', 'bpmn:TextAnnotation' ];

/** Every ${...} and #{...} in a text, braces inside string literals included. */
function expressionsIn(text) {
  const found = [];
  for (let start = 0; start < text.length; start++) {
    if ((text[start] !== '$' && text[start] !== '#') || text[start + 1] !== '{') {
      continue;
    }
    let depth = 0;
    let quote = null;
    let end = start + 1;
    for (; end < text.length; end++) {
      const c = text[end];
      if (quote) {
        if (c === '\\') {
          end++;
        } else if (c === quote) {
          quote = null;
        }
      } else if (c === '\'' || c === '"') {
        quote = c;
      } else if (c === '{') {
        depth++;
      } else if (c === '}' && --depth === 0) {
        break;
      }
    }
    found.push(text.slice(start, end + 1));
    start = end;
  }
  return found;
}

/** The expression with every string literal emptied, so that nothing inside a literal looks like code. */
function withoutLiterals(expression) {
  return expression.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '\'\'');
}

const IDENTIFIER_END = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|:[A-Za-z_$][\w$]*)*)\s*$/;

/** What is wrong with one expression, or null. */
function problemOf(expression, beans, functions) {
  if (/\b(getClass|forName)\b/.test(expression) || /\.\s*class\b/.test(expression) || /\[\s*(['"])class\1\s*\]/.test(expression)) {
    return {
      zh: '使用了反射（getClass、forName、class）；请删除，表达式只能读取变量、比较和调用允许的 bean',
      en: 'uses reflection (getClass, forName, class); remove it, expressions may only read variables, compare and call allowlisted beans'
    };
  }
  const code = withoutLiterals(expression);
  for (let i = code.indexOf('('); i >= 0; i = code.indexOf('(', i + 1)) {
    const before = code.slice(0, i);
    const chain = IDENTIFIER_END.exec(before);
    if (!chain) {
      if (/[)\]]\s*$/.test(before)) {
        return callProblem('(...)(');
      }
      continue; // parentheses that group
    }
    const parts = chain[1].split(/\s*[.:]\s*/);
    const receiverIsResult = /[)\]]\s*\.\s*$/.test(before.slice(0, chain.index));
    if (parts.length === 1 && !receiverIsResult) {
      if (KEYWORDS.includes(parts[0]) || functions.includes(parts[0])) {
        continue;
      }
      return callProblem(parts[0] + '()');
    }
    const call = (receiverIsResult ? '(...).' : '') + chain[1].replace(/\s+/g, '') + '()';
    if (receiverIsResult || parts.length !== 2 || !beans.includes(parts[0]) || chain[1].includes(':')) {
      return callProblem(call);
    }
  }
  return null;
}

function callProblem(call) {
  return {
    zh: '调用了不在允许列表中的方法 ' + call + '；请改为读取变量，或调用 .bpmnlintrc 中 expression-allowlist 允许的 bean',
    en: 'calls ' + call + ', which is not on the allowlist; read a variable instead or call a bean allowed by expression-allowlist in .bpmnlintrc'
  };
}

/** Every text of an element that the engine may evaluate. */
function textsOf(node) {
  const texts = [];
  for (const key of Object.keys(node)) {
    if (!key.startsWith('$') && typeof node[key] === 'string') {
      texts.push(node[key]);
    }
  }
  for (const value of Object.values(node.$attrs || {})) {
    if (typeof value === 'string') {
      texts.push(value);
    }
  }
  if (typeof node.$body === 'string') {
    texts.push(node.$body);
  }
  return texts;
}

function javaClassOf(node) {
  if (isBpmn(node)) {
    return camunda(node, 'class') || camunda(node, 'variableMappingClass');
  }
  return /^camunda:(execution|task)Listener$/i.test(node.$type) ? node.class : undefined;
}

module.exports = function(config) {
  const beans = config && config.beans || [];
  const functions = config && config.functions || [];

  function check(node, reporter) {
    if (!node.$type || NOT_EVALUATED.includes(node.$type)) {
      return;
    }
    const id = reportedId(node);
    const javaClass = javaClassOf(node);
    if (javaClass) {
      reporter.report(id, message(
        '元素 ' + id + ' 用 camunda:class 指定了 Java 类 ' + javaClass + '：请改用 Delegate expression ${bean 名}',
        'element ' + id + ' names the Java class ' + javaClass + ' (camunda:class): use a delegate expression ${beanName} instead'));
    }
    if (/^camunda:connector$/i.test(node.$type)) {
      reporter.report(id, message(
        '元素 ' + id + ' 使用了 Connector：请删除，改用 Delegate expression 调用应用的 bean',
        'element ' + id + ' uses a connector: remove it and call an application bean through a delegate expression'));
    }
    for (const text of textsOf(node)) {
      for (const expression of expressionsIn(text)) {
        const problem = problemOf(expression, beans, functions);
        if (problem) {
          const shown = expression.length > 80 ? expression.slice(0, 77) + '...' : expression;
          reporter.report(id, message(
            '元素 ' + id + ' 的表达式 ' + shown + ' ' + problem.zh,
            'element ' + id + ': expression ' + shown + ' ' + problem.en));
        }
      }
    }
  }

  return { check };
};

import { ArgumentNode, DocumentNode, Kind, OperationDefinitionNode, ValueNode, visit } from 'graphql';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { AppError } from './errors';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text the database can store and a person can read: no NUL (PostgreSQL refuses it in text,
 * "invalid byte sequence") and no lone UTF-16 surrogate (half a character; it cannot be encoded
 * as UTF-8).
 */
export function isCleanText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

function refuseText(field: string): AppError {
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    'The text holds characters that are not text (NUL or half a character)',
    field,
    ErrorReason.VALIDATION_FAILED,
  );
}

/** A variable's value, checked through every list and input object; the field is the innermost name. */
function checkValue(value: unknown, field: string): void {
  if (typeof value === 'string') {
    if (!isCleanText(value)) throw refuseText(field);
  } else if (Array.isArray(value)) {
    for (const v of value) checkValue(v, field);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkValue(v, k);
  }
}

function checkLiteral(node: ValueNode, field: string, variables: Record<string, unknown>): void {
  switch (node.kind) {
    case Kind.STRING:
      if (!isCleanText(node.value)) throw refuseText(field);
      return;
    case Kind.LIST:
      for (const v of node.values) checkLiteral(v, field, variables);
      return;
    case Kind.OBJECT:
      for (const f of node.fields) checkLiteral(f.value, f.name.value, variables);
      return;
    case Kind.VARIABLE:
      checkValue(variables[node.name.value], field);
      return;
    default:
      return;
  }
}

/**
 * Refuses, before any resolver runs, every text input (in the document's literals or in the
 * variables, at any depth) that is not clean text: otherwise it reaches PostgreSQL, which fails
 * the statement ("invalid byte sequence", an INTERNAL error) after earlier fields may have written.
 * The error names the argument or input field that holds it.
 */
export function checkTextInputs(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  const vars = variables ?? {};
  for (const node of argumentsOf(document, operation)) checkLiteral(node.value, node.name.value, vars);
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) checkLiteral(v.defaultValue, v.variable.name.value, vars);
  }
}

/**
 * Every argument an operation's fields (and the fragments of its document) pass, in the document's
 * order: found by walking the document once per parsed document (Apollo keeps a document it has
 * parsed and validated, so a repeated request brings the same nodes), not on every request.
 */
const argumentsByDocument = new WeakMap<DocumentNode, Map<OperationDefinitionNode, ArgumentNode[]>>();

function argumentsOf(document: DocumentNode, operation: OperationDefinitionNode): ArgumentNode[] {
  let byOperation = argumentsByDocument.get(document);
  if (!byOperation) argumentsByDocument.set(document, (byOperation = new Map()));
  let found = byOperation.get(operation);
  if (found) return found;
  const collected: ArgumentNode[] = [];
  const visitor = {
    Argument(node: ArgumentNode) {
      collected.push(node);
      return false;
    },
  };
  for (const def of document.definitions) {
    if (def === operation || def.kind === Kind.FRAGMENT_DEFINITION) visit(def, visitor);
  }
  byOperation.set(operation, (found = collected));
  return found;
}

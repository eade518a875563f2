import {
  ArgumentNode,
  DocumentNode,
  GraphQLArgument,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { IsInt, Max, Min } from 'class-validator';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { AppError } from './errors';

export interface PageSizeBounds {
  min: number;
  max: number;
}

/**
 * Declares an argument as a page size: the resolver's validation, the cost estimate and the
 * check before execution all read these same bounds (the schema carries them as the argument's
 * extension `pageSize`).
 */
export function PageSize(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
    Extensions({ pageSize: { min, max } })(target, key as string);
  };
}

export function pageSizeOf(arg: GraphQLArgument): PageSizeBounds | undefined {
  return (arg.extensions as { pageSize?: PageSizeBounds } | undefined)?.pageSize;
}

/**
 * Refuses an out-of-range page size (literal or from a variable) before any resolver runs: the
 * resolver's own validation would refuse it only when its field is reached, after its siblings
 * (and earlier mutations) have run.
 */
export function checkPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  const { sizes, defaults } = pageSizesOf(schema, document, operation);
  for (const { node, arg, bounds } of sizes) {
    let value: unknown;
    if (node.value.kind === Kind.VARIABLE) {
      const name = node.value.name.value;
      value = variables && name in variables ? variables[name] : defaults.get(name);
    } else if (node.value.kind === Kind.INT) {
      value = Number(node.value.value);
    } else {
      continue; // null, or a value of the wrong type that validation or coercion already refuses
    }
    if (value === null || value === undefined || typeof value !== 'number') continue;
    if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `${arg.name} must be between ${bounds.min} and ${bounds.max}`,
        arg.name,
        ErrorReason.VALIDATION_FAILED,
      );
    }
  }
}

interface PageSizeArguments {
  /** the page-size arguments the operation and its document's fragments pass, in the document's order */
  sizes: Array<{ node: ArgumentNode; arg: GraphQLArgument; bounds: PageSizeBounds }>;
  /** the operation's variables' default values */
  defaults: Map<string, unknown>;
}

/**
 * Which arguments of an operation are page sizes, found by walking the document with the schema's
 * types once per parsed document (Apollo keeps a document it has parsed and validated, so a
 * repeated request brings the same nodes), not on every request; only the values are checked each time.
 */
const pageSizesBySchema = new WeakMap<
  GraphQLSchema,
  WeakMap<DocumentNode, Map<OperationDefinitionNode, PageSizeArguments>>
>();

function pageSizesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): PageSizeArguments {
  let byDocument = pageSizesBySchema.get(schema);
  if (!byDocument) pageSizesBySchema.set(schema, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new Map()));
  let found = byOperation.get(operation);
  if (found) return found;
  const typeInfo = new TypeInfo(schema);
  const defaults = new Map<string, unknown>();
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) defaults.set(v.variable.name.value, valueFromASTUntyped(v.defaultValue));
  }
  const sizes: PageSizeArguments['sizes'] = [];
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const arg = typeInfo.getArgument();
      const bounds = arg && pageSizeOf(arg);
      if (arg && bounds) sizes.push({ node, arg, bounds });
    },
  });
  for (const def of document.definitions) {
    if (def === operation || def.kind === Kind.FRAGMENT_DEFINITION) visit(def, visitor);
  }
  byOperation.set(operation, (found = { sizes, defaults }));
  return found;
}

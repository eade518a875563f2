import {
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
  const typeInfo = new TypeInfo(schema);
  const defaults = new Map<string, unknown>();
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) defaults.set(v.variable.name.value, valueFromASTUntyped(v.defaultValue));
  }
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const arg = typeInfo.getArgument();
      const bounds = arg && pageSizeOf(arg);
      if (!bounds) return;
      let value: unknown;
      if (node.value.kind === Kind.VARIABLE) {
        const name = node.value.name.value;
        value = variables && name in variables ? variables[name] : defaults.get(name);
      } else if (node.value.kind === Kind.INT) {
        value = Number(node.value.value);
      } else {
        return; // null, or a value of the wrong type that validation or coercion already refuses
      }
      if (value === null || value === undefined || typeof value !== 'number') return;
      if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `${arg.name} must be between ${bounds.min} and ${bounds.max}`,
          arg.name,
          ErrorReason.VALIDATION_FAILED,
        );
      }
    },
  });
  for (const def of document.definitions) {
    if (def === operation || def.kind === Kind.FRAGMENT_DEFINITION) visit(def, visitor);
  }
}

import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  getNamedType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import type { ApolloServerPlugin } from '@apollo/server';
import { checkPageSizes, pageSizeOf } from './page-size';
import { checkTextInputs } from './text';
import { DEFAULT_PAGE_SIZE } from './pagination';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0, cost: 0 };

/** The variables' values when known (the cost check, before execution); at validation, none. */
type Variables = Record<string, unknown> | undefined;

/**
 * A field with a page-size argument returns up to that many items, so whatever it selects costs
 * that many times. The value counts clamped to the argument's declared bounds (a negative or huge
 * value cannot lower or overflow the estimate; the page-size check has refused it already). A
 * left-out argument counts as its default, or a typical page when it has none; a variable whose
 * value is not known as the largest page.
 */
function multiplier(field: FieldNode, parent: GraphQLNamedType | undefined, variables: Variables): number {
  const def =
    parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
  if (!def) return 1;
  for (const arg of def.args) {
    const bounds = pageSizeOf(arg);
    if (!bounds) continue;
    const given = field.arguments?.find((a) => a.name.value === arg.name);
    let value: unknown = given ? undefined : (arg.defaultValue ?? DEFAULT_PAGE_SIZE);
    if (given?.value.kind === Kind.INT) value = Number(given.value.value);
    else if (given?.value.kind === Kind.VARIABLE) {
      const name = given.value.name.value;
      value = variables && name in variables ? (variables[name] ?? DEFAULT_PAGE_SIZE) : bounds.max;
    }
    return typeof value === 'number' && Number.isFinite(value)
      ? Math.min(bounds.max, Math.max(bounds.min, value))
      : bounds.max;
  }
  return 1;
}

/**
 * Measures an operation once per fragment: a fragment's measure depends only on its own
 * selections, so it is memoized by name and the walk is linear in the document however many
 * times a fragment is spread (`...F1 ...F1` on every level would otherwise double per level). A
 * fragment spread inside itself is a cycle, which validation already refuses; it counts as nothing.
 */
class Measurer {
  private readonly memo = new Map<string, Measure>();
  private readonly inProgress = new Set<string>();

  private constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
  ) {}

  static of(schema: GraphQLSchema, document: DocumentNode, variables: Variables): Measurer {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of document.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    return new Measurer(schema, fragments, variables);
  }

  operation(node: OperationDefinitionNode): Measure {
    return this.set(node.selectionSet, this.schema.getRootType(node.operation) ?? undefined);
  }

  fragment(name: string): Measure {
    const known = this.memo.get(name);
    if (known) return known;
    const def = this.fragments.get(name);
    if (!def || this.inProgress.has(name)) return NOTHING;
    this.inProgress.add(name);
    const m = this.set(def.selectionSet, this.schema.getType(def.typeCondition.name.value));
    this.inProgress.delete(name);
    this.memo.set(name, m);
    return m;
  }

  set(set: SelectionSetNode, parent: GraphQLNamedType | undefined): Measure {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases += 1;
        if (sel.name.value.startsWith('__')) continue;
        if (sel.selectionSet) {
          const fieldDef =
            parent && (isObjectType(parent) || isInterfaceType(parent))
              ? parent.getFields()[sel.name.value]
              : undefined;
          const inner = this.set(sel.selectionSet, fieldDef ? getNamedType(fieldDef.type) : undefined);
          depth = Math.max(depth, inner.depth + 1);
          aliases += inner.aliases;
          cost += 1 + multiplier(sel, parent, this.variables) * inner.cost;
        } else {
          depth = Math.max(depth, 1);
          cost += 1;
        }
      } else {
        const inner =
          sel.kind === Kind.INLINE_FRAGMENT
            ? this.set(sel.selectionSet, sel.typeCondition ? this.schema.getType(sel.typeCondition.name.value) : parent)
            : this.fragment(sel.name.value);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
        cost += inner.cost;
      }
    }
    return { depth, aliases, cost };
  }
}

function refuse(message: string, reason: ErrorReason, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code: ErrorCode.BAD_USER_INPUT, reason } });
}

/**
 * Refuses, at validation, operations that are too deep or too aliased (neither depends on the
 * variables, so the validated document may be cached with its verdict).
 */
export function queryLimitsRule(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases'>): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let measurer: Measurer | undefined;
    return {
      OperationDefinition(node) {
        measurer ??= Measurer.of(context.getSchema(), context.getDocument(), undefined);
        const m = measurer.operation(node);
        if (m.depth > limits.maxDepth) {
          context.reportError(
            refuse(
              `Query is ${m.depth} levels deep; the limit is ${limits.maxDepth}`,
              ErrorReason.QUERY_TOO_DEEP,
              node,
            ),
          );
        } else if (m.aliases > limits.maxAliases) {
          context.reportError(
            refuse(
              `Query uses ${m.aliases} aliases; the limit is ${limits.maxAliases}`,
              ErrorReason.TOO_MANY_ALIASES,
              node,
            ),
          );
        }
      },
    };
  };
}

/**
 * Once the operation and its variables are known and before any resolver runs: refuses text
 * inputs that are not clean text, page sizes out of their declared bounds, then operations that would cost too much (each field once,
 * times the page size of every list above it). Answered 400, like a refusal at validation.
 */
export function requestGatePlugin(limits: Pick<QueryLimits, 'maxCost'>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          try {
            checkTextInputs(document, operation, request.variables);
            checkPageSizes(schema, document, operation, request.variables);
            const m = Measurer.of(schema, document, request.variables ?? {}).operation(operation);
            if (m.cost > limits.maxCost) {
              throw refuse(
                `Query would cost ${m.cost}; the limit is ${limits.maxCost}`,
                ErrorReason.QUERY_TOO_COSTLY,
                operation,
              );
            }
          } catch (err) {
            if (err instanceof GraphQLError) err.extensions.http = { status: 400 };
            throw err;
          }
        },
      };
    },
  };
}

import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

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

/**
 * A field that takes `first` returns up to that many items, so whatever it selects costs that
 * many times. Validation runs before variables are known: a variable counts as the largest page.
 */
function multiplier(field: FieldNode): number {
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (!first) return 1;
  if (first.value.kind === Kind.INT) return Number(first.value.value);
  if (first.value.kind === Kind.VARIABLE) return MAX_PAGE_SIZE;
  return DEFAULT_PAGE_SIZE;
}

function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.alias) aliases += 1;
      if (sel.name.value.startsWith('__')) continue;
      if (sel.selectionSet) {
        const inner = measure(sel.selectionSet, fragments, seen);
        depth = Math.max(depth, inner.depth + 1);
        aliases += inner.aliases;
        cost += 1 + multiplier(sel) * inner.cost;
      } else {
        depth = Math.max(depth, 1);
        cost += 1;
      }
    } else {
      const inner =
        sel.kind === Kind.INLINE_FRAGMENT
          ? measure(sel.selectionSet, fragments, seen)
          : fragments[sel.name.value] && !seen.has(sel.name.value)
            ? measure(fragments[sel.name.value].selectionSet, fragments, new Set([...seen, sel.name.value]))
            : { depth: 0, aliases: 0, cost: 0 };
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      cost += inner.cost;
    }
  }
  return { depth, aliases, cost };
}

function refuse(message: string, reason: ErrorReason, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code: ErrorCode.BAD_USER_INPUT, reason } });
}

/**
 * Refuses, before anything runs, operations that are too deep, too aliased or too costly (cost
 * counts each field once, times the page size of every list above it).
 */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const def of context.getDocument().definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
      }
      const m = measure(node.selectionSet, fragments, new Set());
      if (m.depth > limits.maxDepth) {
        context.reportError(refuse(`Query is ${m.depth} levels deep; the limit is ${limits.maxDepth}`, ErrorReason.QUERY_TOO_DEEP, node));
      } else if (m.aliases > limits.maxAliases) {
        context.reportError(refuse(`Query uses ${m.aliases} aliases; the limit is ${limits.maxAliases}`, ErrorReason.TOO_MANY_ALIASES, node));
      } else if (m.cost > limits.maxCost) {
        context.reportError(refuse(`Query would cost ${m.cost}; the limit is ${limits.maxCost}`, ErrorReason.QUERY_TOO_COSTLY, node));
      }
    },
  });
}

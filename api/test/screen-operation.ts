import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';

const ROOT = join(__dirname, '..', '..');
const FRONT_ENDS = ['console-internal/src', 'portal-partner/src', 'web-shared/src'];

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' || name === 'node_modules' ? [] : graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

/**
 * An operation exactly as a screen sends it: operation `name` of the front end's `.graphql` file
 * `file` (from the repository's root) with the fragments it uses (from any front end's files), so a check measures what the
 * screen asks, not a copy of it.
 */
export function screenOperation(file: string, name: string): string {
  const doc = parse(readFileSync(join(ROOT, file), 'utf8'));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const path of FRONT_ENDS.flatMap((dir) => graphqlFiles(join(ROOT, dir))))
    for (const def of parse(readFileSync(path, 'utf8')).definitions)
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  // a name two front ends share means the operation's own file's fragment
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`${file} has no operation ${name}`);
  const used: DefinitionNode[] = [operation];
  const seen = new Set<string>();
  const spreadsOf = (def: DefinitionNode) =>
    visit(def, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (!fragment || seen.has(node.name.value)) return;
        seen.add(node.name.value);
        used.push(fragment);
        spreadsOf(fragment);
      },
    });
  spreadsOf(operation);
  return used.map((d) => print(d)).join('\n');
}

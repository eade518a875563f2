import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { Kind, parse, type DefinitionNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { API_ONLY_OPERATIONS } from './api-only-operations';

/*
 * Every query and mutation of the schema is reached from a screen, or says why not. The front
 * ends' operations live in `.graphql` files beside their features (console-internal, portal-partner,
 * web-shared); their top-level fields are the operations the screens use. What no screen uses
 * must be in api-only-operations.ts with a reason, and what a screen uses must not be there.
 */

const ROOT = join(__dirname, '..', '..');
const FRONT_ENDS = ['console-internal/src', 'portal-partner/src', 'web-shared/src'];

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' || name === 'node_modules' ? [] : graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

/** The schema's Query and Mutation fields, from the committed schema. */
function schemaOperations(): Set<string> {
  const doc = parse(readFileSync(join(ROOT, 'shared-schema', 'schema.graphql'), 'utf8'));
  const names = new Set<string>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION && (def.name.value === 'Query' || def.name.value === 'Mutation'))
      for (const field of def.fields ?? []) names.add(field.name.value);
  }
  return names;
}

/** The top-level fields every operation of the front ends selects (through fragments on Query or Mutation too). */
function usedOperations(): Map<string, string[]> {
  const definitions: Array<{ file: string; def: DefinitionNode }> = FRONT_ENDS.flatMap((dir) =>
    graphqlFiles(join(ROOT, dir)).flatMap((file) =>
      parse(readFileSync(file, 'utf8')).definitions.map((def) => ({ file: file.slice(ROOT.length + 1), def })),
    ),
  );
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { def } of definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const used = new Map<string, string[]>();
  const collect = (set: SelectionSetNode, file: string) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (!s.name.value.startsWith('__')) used.set(s.name.value, [...(used.get(s.name.value) ?? []), file]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, file);
      else {
        const fragment = fragments.get(s.name.value);
        if (fragment) collect(fragment.selectionSet, file);
      }
    }
  };
  for (const { file, def } of definitions)
    if (def.kind === Kind.OPERATION_DEFINITION && def.operation !== 'subscription') collect(def.selectionSet, file);
  return used;
}

const schema = schemaOperations();
const used = usedOperations();

test('the front ends call only operations the schema has', () => {
  expect([...used.keys()].filter((name) => !schema.has(name))).toEqual([]);
});

test('every query and mutation is used by a screen or listed as API-only with a reason', () => {
  const unreached = [...schema].filter((name) => !used.has(name) && !(name in API_ONLY_OPERATIONS)).sort();
  expect(unreached).toEqual([]);
});

test('the API-only list is honest: no screen uses its entries, each is in the schema and says why', () => {
  const entries = Object.entries(API_ONLY_OPERATIONS);
  expect(entries.filter(([name]) => used.has(name)).map(([name]) => `${name} (${used.get(name)!.join(', ')})`)).toEqual(
    [],
  );
  expect(entries.filter(([name]) => !schema.has(name)).map(([name]) => name)).toEqual([]);
  expect(entries.filter(([, reason]) => reason.trim().length < 20).map(([name]) => name)).toEqual([]);
});

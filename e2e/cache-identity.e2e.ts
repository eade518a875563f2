import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LOCAL_ID_TYPES, cacheTypePolicies } from '../web-shared/src/app/cache-identity';

// Apollo's cache keys objects by __typename + id. This walks the committed schema: every object type
// with an `id` is either a record (`id: ID!`, a uuid, unique everywhere: normalized) or listed as
// parent-local in web-shared/src/app/cache-identity.ts (never normalized). Then it writes a quiz
// whose questions all have options a/b/c into a cache built as the apps build theirs.
const REPO = join(__dirname, '..');
// graphql and @apollo/client as the front ends resolve them
const fromWeb = createRequire(join(REPO, 'web-shared', 'package.json'));
const graphql = fromWeb('graphql') as typeof import('graphql');
const { InMemoryCache } = fromWeb('@apollo/client') as typeof import('@apollo/client');

const schema = graphql.buildSchema(readFileSync(join(REPO, 'shared-schema', 'schema.graphql'), 'utf8'));
const local = new Set<string>(LOCAL_ID_TYPES);

function typesWithId() {
  return Object.values(schema.getTypeMap())
    .filter(graphql.isObjectType)
    .filter((type) => !type.name.startsWith('__') && 'id' in type.getFields())
    .map((type) => {
      const id = type.getFields().id.type;
      return { name: type.name, global: graphql.isNonNullType(id) && graphql.getNamedType(id).name === 'ID' };
    });
}

test('every object type with an id is either a record (ID!, normalized) or listed as parent-local (not normalized)', () => {
  const types = typesWithId();
  expect(types.length).toBeGreaterThan(10);
  // a local id type nobody listed, or a record listed as local by mistake
  expect(
    types
      .filter((t) => t.global === local.has(t.name))
      .map((t) => `${t.name}: ${t.global ? 'ID! listed as local' : 'local id not listed'}`),
  ).toEqual([]);
  // nothing stale in the list
  expect([...local].filter((name) => !types.some((t) => t.name === name))).toEqual([]);
  const policies = cacheTypePolicies() as Record<string, { keyFields?: unknown }>;
  for (const name of local) expect(policies[name]?.keyFields).toBe(false);
});

test('a quiz whose questions all have options a/b/c reads back with each question its own options', () => {
  const cache = new InMemoryCache({ typePolicies: cacheTypePolicies() });
  const query = graphql.parse(
    `query Quiz($id: ID!) { course(id: $id) { id published { id questions { id prompt options { id text correct } } } } }`,
  );
  graphql.validate(schema, query).forEach((error) => {
    throw error;
  });
  const option = (id: string, text: string, correct: boolean) => ({ __typename: 'QuizOption', id, text, correct });
  const questions = [
    {
      __typename: 'QuizQuestion',
      id: 'q1',
      prompt: 'first',
      options: [option('a', '1a', true), option('b', '1b', false), option('c', '1c', false)],
    },
    {
      __typename: 'QuizQuestion',
      id: 'q2',
      prompt: 'second',
      options: [option('a', '2a', false), option('b', '2b', true), option('c', '2c', true)],
    },
    {
      __typename: 'QuizQuestion',
      id: 'q3',
      prompt: 'third',
      options: [option('a', '3a', false), option('b', '3b', true)],
    },
  ];
  const data = {
    course: {
      __typename: 'Course',
      id: 'course-1',
      published: { __typename: 'CourseVersion', id: 'version-1', questions },
    },
  };
  cache.writeQuery({ query, variables: { id: 'course-1' }, data });
  // a second course whose question has the same ids must not bleed into the first either
  const other = {
    course: {
      __typename: 'Course',
      id: 'course-2',
      published: {
        __typename: 'CourseVersion',
        id: 'version-2',
        questions: [{ ...questions[0], prompt: 'other', options: [option('a', 'xa', false)] }],
      },
    },
  };
  cache.writeQuery({ query, variables: { id: 'course-2' }, data: other });
  expect(cache.readQuery({ query, variables: { id: 'course-1' } })).toEqual(data);
  expect(cache.readQuery({ query, variables: { id: 'course-2' } })).toEqual(other);
});

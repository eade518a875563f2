/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query DashboardSummary {\n  distributors(first: 5) {\n    totalCount\n    nodes {\n      id\n      name\n      code\n      stage\n    }\n  }\n}": typeof types.DashboardSummaryDocument,
    "query Distributors($first: Int!, $after: String, $filter: DistributorFilter) {\n  distributors(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      code\n      stage\n      tier\n      createdAt\n      region {\n        id\n        name\n      }\n      channelManager {\n        id\n        displayName\n      }\n    }\n  }\n}\n\nquery Distributor($id: ID!) {\n  distributor(id: $id) {\n    id\n    name\n    code\n    stage\n    tier\n    createdAt\n    region {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    channelManager {\n      id\n      displayName\n      email\n    }\n    parent {\n      id\n      name\n      code\n    }\n    secondTier {\n      id\n      name\n      code\n      stage\n    }\n  }\n}": typeof types.DistributorsDocument,
};
const documents: Documents = {
    "query DashboardSummary {\n  distributors(first: 5) {\n    totalCount\n    nodes {\n      id\n      name\n      code\n      stage\n    }\n  }\n}": types.DashboardSummaryDocument,
    "query Distributors($first: Int!, $after: String, $filter: DistributorFilter) {\n  distributors(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      code\n      stage\n      tier\n      createdAt\n      region {\n        id\n        name\n      }\n      channelManager {\n        id\n        displayName\n      }\n    }\n  }\n}\n\nquery Distributor($id: ID!) {\n  distributor(id: $id) {\n    id\n    name\n    code\n    stage\n    tier\n    createdAt\n    region {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    channelManager {\n      id\n      displayName\n      email\n    }\n    parent {\n      id\n      name\n      code\n    }\n    secondTier {\n      id\n      name\n      code\n      stage\n    }\n  }\n}": types.DistributorsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardSummary {\n  distributors(first: 5) {\n    totalCount\n    nodes {\n      id\n      name\n      code\n      stage\n    }\n  }\n}"): (typeof documents)["query DashboardSummary {\n  distributors(first: 5) {\n    totalCount\n    nodes {\n      id\n      name\n      code\n      stage\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Distributors($first: Int!, $after: String, $filter: DistributorFilter) {\n  distributors(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      code\n      stage\n      tier\n      createdAt\n      region {\n        id\n        name\n      }\n      channelManager {\n        id\n        displayName\n      }\n    }\n  }\n}\n\nquery Distributor($id: ID!) {\n  distributor(id: $id) {\n    id\n    name\n    code\n    stage\n    tier\n    createdAt\n    region {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    channelManager {\n      id\n      displayName\n      email\n    }\n    parent {\n      id\n      name\n      code\n    }\n    secondTier {\n      id\n      name\n      code\n      stage\n    }\n  }\n}"): (typeof documents)["query Distributors($first: Int!, $after: String, $filter: DistributorFilter) {\n  distributors(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      code\n      stage\n      tier\n      createdAt\n      region {\n        id\n        name\n      }\n      channelManager {\n        id\n        displayName\n      }\n    }\n  }\n}\n\nquery Distributor($id: ID!) {\n  distributor(id: $id) {\n    id\n    name\n    code\n    stage\n    tier\n    createdAt\n    region {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    channelManager {\n      id\n      displayName\n      email\n    }\n    parent {\n      id\n      name\n      code\n    }\n    secondTier {\n      id\n      name\n      code\n      stage\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
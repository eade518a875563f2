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
    "query MyCompany {\n  me {\n    id\n    role\n    distributor {\n      id\n      name\n      code\n      stage\n      tier\n      creditCode\n      registeredCapital\n      address\n      contactName\n      contactPhone\n      region {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      qualifications {\n        ...MyQualification\n      }\n      authorizations {\n        id\n        kind\n        exclusive\n        status\n        validFrom\n        validTo\n        revokedFrom\n        productLines {\n          id\n          name\n        }\n        products {\n          id\n          name\n        }\n        regions {\n          id\n          name\n        }\n        hospitals {\n          id\n          name\n        }\n      }\n      secondTier {\n        id\n        name\n        code\n        stage\n        region {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nfragment MyQualification on Qualification {\n  id\n  type\n  number\n  deviceClasses\n  validFrom\n  validTo\n  expiry {\n    level\n    daysLeft\n  }\n  file {\n    name\n    size\n    url\n  }\n}": typeof types.MyCompanyDocument,
    "query HomeDocuments {\n  me {\n    id\n    distributor {\n      id\n      qualifications {\n        id\n        type\n        number\n        expiry {\n          level\n          daysLeft\n        }\n      }\n    }\n  }\n}": typeof types.HomeDocumentsDocument,
};
const documents: Documents = {
    "query MyCompany {\n  me {\n    id\n    role\n    distributor {\n      id\n      name\n      code\n      stage\n      tier\n      creditCode\n      registeredCapital\n      address\n      contactName\n      contactPhone\n      region {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      qualifications {\n        ...MyQualification\n      }\n      authorizations {\n        id\n        kind\n        exclusive\n        status\n        validFrom\n        validTo\n        revokedFrom\n        productLines {\n          id\n          name\n        }\n        products {\n          id\n          name\n        }\n        regions {\n          id\n          name\n        }\n        hospitals {\n          id\n          name\n        }\n      }\n      secondTier {\n        id\n        name\n        code\n        stage\n        region {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nfragment MyQualification on Qualification {\n  id\n  type\n  number\n  deviceClasses\n  validFrom\n  validTo\n  expiry {\n    level\n    daysLeft\n  }\n  file {\n    name\n    size\n    url\n  }\n}": types.MyCompanyDocument,
    "query HomeDocuments {\n  me {\n    id\n    distributor {\n      id\n      qualifications {\n        id\n        type\n        number\n        expiry {\n          level\n          daysLeft\n        }\n      }\n    }\n  }\n}": types.HomeDocumentsDocument,
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
export function graphql(source: "query MyCompany {\n  me {\n    id\n    role\n    distributor {\n      id\n      name\n      code\n      stage\n      tier\n      creditCode\n      registeredCapital\n      address\n      contactName\n      contactPhone\n      region {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      qualifications {\n        ...MyQualification\n      }\n      authorizations {\n        id\n        kind\n        exclusive\n        status\n        validFrom\n        validTo\n        revokedFrom\n        productLines {\n          id\n          name\n        }\n        products {\n          id\n          name\n        }\n        regions {\n          id\n          name\n        }\n        hospitals {\n          id\n          name\n        }\n      }\n      secondTier {\n        id\n        name\n        code\n        stage\n        region {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nfragment MyQualification on Qualification {\n  id\n  type\n  number\n  deviceClasses\n  validFrom\n  validTo\n  expiry {\n    level\n    daysLeft\n  }\n  file {\n    name\n    size\n    url\n  }\n}"): (typeof documents)["query MyCompany {\n  me {\n    id\n    role\n    distributor {\n      id\n      name\n      code\n      stage\n      tier\n      creditCode\n      registeredCapital\n      address\n      contactName\n      contactPhone\n      region {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      qualifications {\n        ...MyQualification\n      }\n      authorizations {\n        id\n        kind\n        exclusive\n        status\n        validFrom\n        validTo\n        revokedFrom\n        productLines {\n          id\n          name\n        }\n        products {\n          id\n          name\n        }\n        regions {\n          id\n          name\n        }\n        hospitals {\n          id\n          name\n        }\n      }\n      secondTier {\n        id\n        name\n        code\n        stage\n        region {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nfragment MyQualification on Qualification {\n  id\n  type\n  number\n  deviceClasses\n  validFrom\n  validTo\n  expiry {\n    level\n    daysLeft\n  }\n  file {\n    name\n    size\n    url\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HomeDocuments {\n  me {\n    id\n    distributor {\n      id\n      qualifications {\n        id\n        type\n        number\n        expiry {\n          level\n          daysLeft\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query HomeDocuments {\n  me {\n    id\n    distributor {\n      id\n      qualifications {\n        id\n        type\n        number\n        expiry {\n          level\n          daysLeft\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
/* eslint-disable */
import * as types from './graphql';



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
    "fragment CurrentUser on User {\n  __typename\n  id\n  email\n  displayName\n  side\n  role\n  locale\n  brand {\n    __typename\n    id\n    name\n  }\n  distributor {\n    __typename\n    id\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...CurrentUser\n  }\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    ...CurrentUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation SetMyLocale($locale: Locale!) {\n  setMyLocale(locale: $locale) {\n    id\n    locale\n  }\n}": typeof types.CurrentUserFragmentDoc,
};
const documents: Documents = {
    "fragment CurrentUser on User {\n  __typename\n  id\n  email\n  displayName\n  side\n  role\n  locale\n  brand {\n    __typename\n    id\n    name\n  }\n  distributor {\n    __typename\n    id\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...CurrentUser\n  }\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    ...CurrentUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation SetMyLocale($locale: Locale!) {\n  setMyLocale(locale: $locale) {\n    id\n    locale\n  }\n}": types.CurrentUserFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CurrentUser on User {\n  __typename\n  id\n  email\n  displayName\n  side\n  role\n  locale\n  brand {\n    __typename\n    id\n    name\n  }\n  distributor {\n    __typename\n    id\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...CurrentUser\n  }\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    ...CurrentUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation SetMyLocale($locale: Locale!) {\n  setMyLocale(locale: $locale) {\n    id\n    locale\n  }\n}"): typeof import('./graphql').CurrentUserFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

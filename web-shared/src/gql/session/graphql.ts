/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Locale =
  | 'EN'
  | 'ZH_CN';

export type Role =
  | 'ADMIN'
  | 'CHANNEL_MANAGER'
  | 'ENGINEER'
  | 'FINANCE'
  | 'ORDER_DESK'
  | 'OWNER'
  | 'REGIONAL_HEAD'
  | 'REP'
  | 'TRAINER';

/** BRAND works in the console, PARTNER in the portal */
export type Side =
  | 'BRAND'
  | 'PARTNER';

export type CurrentUserFragment = { __typename: 'User', id: string, email: string, displayName: string, side: Side, role: Role, locale: Locale, brand: { __typename: 'Brand', id: string, name: string }, distributor: { __typename: 'Distributor', id: string, name: string } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { __typename: 'User', id: string, email: string, displayName: string, side: Side, role: Role, locale: Locale, brand: { __typename: 'Brand', id: string, name: string }, distributor: { __typename: 'Distributor', id: string, name: string } | null } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { __typename: 'User', id: string, email: string, displayName: string, side: Side, role: Role, locale: Locale, brand: { __typename: 'Brand', id: string, name: string }, distributor: { __typename: 'Distributor', id: string, name: string } | null } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type SetMyLocaleMutationVariables = Exact<{
  locale: Locale;
}>;


export type SetMyLocaleMutation = { setMyLocale: { id: string, locale: Locale } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CurrentUserFragmentDoc = new TypedDocumentString(`
    fragment CurrentUser on User {
  __typename
  id
  email
  displayName
  side
  role
  locale
  brand {
    __typename
    id
    name
  }
  distributor {
    __typename
    id
    name
  }
}
    `, {"fragmentName":"CurrentUser"}) as unknown as TypedDocumentString<CurrentUserFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...CurrentUser
  }
}
    fragment CurrentUser on User {
  __typename
  id
  email
  displayName
  side
  role
  locale
  brand {
    __typename
    id
    name
  }
  distributor {
    __typename
    id
    name
  }
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    ...CurrentUser
  }
}
    fragment CurrentUser on User {
  __typename
  id
  email
  displayName
  side
  role
  locale
  brand {
    __typename
    id
    name
  }
  distributor {
    __typename
    id
    name
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const SetMyLocaleDocument = new TypedDocumentString(`
    mutation SetMyLocale($locale: Locale!) {
  setMyLocale(locale: $locale) {
    id
    locale
  }
}
    `) as unknown as TypedDocumentString<SetMyLocaleMutation, SetMyLocaleMutationVariables>;
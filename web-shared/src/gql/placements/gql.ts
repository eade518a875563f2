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
    "fragment AuditEntryRow on AuditEntry {\n  id\n  side\n  action\n  entity\n  createdAt\n  actor {\n    id\n    displayName\n  }\n  distributor {\n    id\n    name\n  }\n  changes {\n    field\n    from\n    to\n  }\n}": typeof types.AuditEntryRowFragmentDoc,
    "fragment StatementChanges on StatementChanges {\n  previousVersion\n  openingBalanceChange {\n    ...Money\n  }\n  closingBalanceChange {\n    ...Money\n  }\n  lines {\n    change\n    lineNo\n    occurredOn\n    kind\n    memo\n    previousAmount {\n      ...Money\n    }\n    amount {\n      ...Money\n    }\n    effect {\n      ...Money\n    }\n  }\n}\n\nfragment StatementHead on Statement {\n  id\n  period\n  version\n  status\n  createdAt\n  confirmedAt\n  openingBalance {\n    ...Money\n  }\n  debits {\n    ...Money\n  }\n  credits {\n    ...Money\n  }\n  closingBalance {\n    ...Money\n  }\n  distributor {\n    id\n    name\n    code\n  }\n}\n\nfragment StatementLineFields on StatementLine {\n  id\n  lineNo\n  occurredOn\n  kind\n  memo\n  amount {\n    ...Money\n  }\n}": typeof types.StatementChangesFragmentDoc,
    "fragment Money on Money {\n  amount\n  currency\n}": typeof types.MoneyFragmentDoc,
    "fragment TenderQuoteDetail on TenderQuote {\n  id\n  status\n  reason\n  decisionNote\n  price {\n    ...Money\n  }\n  floorPrice {\n    ...Money\n  }\n  product {\n    id\n    name\n  }\n}\n\nfragment TenderDetail on Tender {\n  id\n  number\n  purchaser\n  status\n  version\n  registrationDeadline\n  bidOpeningAt\n  winner\n  budget {\n    ...Money\n  }\n  winningPrice {\n    ...Money\n  }\n  orders {\n    id\n    number\n    status\n  }\n  products {\n    productId\n    floorPrice {\n      ...Money\n    }\n    product {\n      id\n      name\n    }\n  }\n  quotes {\n    ...TenderQuoteDetail\n  }\n  letters {\n    id\n    project\n    validFrom\n    validTo\n    status\n    products {\n      id\n      name\n    }\n  }\n}": typeof types.TenderQuoteDetailFragmentDoc,
    "query PlacementDetail($id: ID!) {\n  placement(id: $id) {\n    id\n    serialNo\n    productName\n    distributorName\n    hospitalName\n    departmentName\n    reagentLineName\n    commitmentQuantity\n    commitmentPeriod\n    startsOn\n    endsOn\n    status\n    version\n    history {\n      id\n      kind\n      occurredOn\n      serialNo\n      hospitalName\n      departmentName\n      note\n      actorName\n    }\n    commitment {\n      month\n      committed\n      actual\n      shortfall\n    }\n  }\n}\n\nmutation RelocatePlacement($id: ID!, $input: RelocatePlacementInput!) {\n  relocatePlacement(id: $id, input: $input) {\n    id\n    version\n  }\n}\n\nmutation ReplacePlacementInstrument($id: ID!, $input: ReplacePlacementInstrumentInput!) {\n  replacePlacementInstrument(id: $id, input: $input) {\n    id\n    version\n  }\n}\n\nmutation ReturnPlacement($id: ID!, $input: ReturnPlacementInput!) {\n  returnPlacement(id: $id, input: $input) {\n    id\n    version\n  }\n}": typeof types.PlacementDetailDocument,
    "fragment TargetSeriesMonth on TargetMonth {\n  month\n  sellIn {\n    ...Money\n  }\n  sellOut {\n    ...Money\n  }\n  cumulative {\n    ...Money\n  }\n  attainment\n}": typeof types.TargetSeriesMonthFragmentDoc,
};
const documents: Documents = {
    "fragment AuditEntryRow on AuditEntry {\n  id\n  side\n  action\n  entity\n  createdAt\n  actor {\n    id\n    displayName\n  }\n  distributor {\n    id\n    name\n  }\n  changes {\n    field\n    from\n    to\n  }\n}": types.AuditEntryRowFragmentDoc,
    "fragment StatementChanges on StatementChanges {\n  previousVersion\n  openingBalanceChange {\n    ...Money\n  }\n  closingBalanceChange {\n    ...Money\n  }\n  lines {\n    change\n    lineNo\n    occurredOn\n    kind\n    memo\n    previousAmount {\n      ...Money\n    }\n    amount {\n      ...Money\n    }\n    effect {\n      ...Money\n    }\n  }\n}\n\nfragment StatementHead on Statement {\n  id\n  period\n  version\n  status\n  createdAt\n  confirmedAt\n  openingBalance {\n    ...Money\n  }\n  debits {\n    ...Money\n  }\n  credits {\n    ...Money\n  }\n  closingBalance {\n    ...Money\n  }\n  distributor {\n    id\n    name\n    code\n  }\n}\n\nfragment StatementLineFields on StatementLine {\n  id\n  lineNo\n  occurredOn\n  kind\n  memo\n  amount {\n    ...Money\n  }\n}": types.StatementChangesFragmentDoc,
    "fragment Money on Money {\n  amount\n  currency\n}": types.MoneyFragmentDoc,
    "fragment TenderQuoteDetail on TenderQuote {\n  id\n  status\n  reason\n  decisionNote\n  price {\n    ...Money\n  }\n  floorPrice {\n    ...Money\n  }\n  product {\n    id\n    name\n  }\n}\n\nfragment TenderDetail on Tender {\n  id\n  number\n  purchaser\n  status\n  version\n  registrationDeadline\n  bidOpeningAt\n  winner\n  budget {\n    ...Money\n  }\n  winningPrice {\n    ...Money\n  }\n  orders {\n    id\n    number\n    status\n  }\n  products {\n    productId\n    floorPrice {\n      ...Money\n    }\n    product {\n      id\n      name\n    }\n  }\n  quotes {\n    ...TenderQuoteDetail\n  }\n  letters {\n    id\n    project\n    validFrom\n    validTo\n    status\n    products {\n      id\n      name\n    }\n  }\n}": types.TenderQuoteDetailFragmentDoc,
    "query PlacementDetail($id: ID!) {\n  placement(id: $id) {\n    id\n    serialNo\n    productName\n    distributorName\n    hospitalName\n    departmentName\n    reagentLineName\n    commitmentQuantity\n    commitmentPeriod\n    startsOn\n    endsOn\n    status\n    version\n    history {\n      id\n      kind\n      occurredOn\n      serialNo\n      hospitalName\n      departmentName\n      note\n      actorName\n    }\n    commitment {\n      month\n      committed\n      actual\n      shortfall\n    }\n  }\n}\n\nmutation RelocatePlacement($id: ID!, $input: RelocatePlacementInput!) {\n  relocatePlacement(id: $id, input: $input) {\n    id\n    version\n  }\n}\n\nmutation ReplacePlacementInstrument($id: ID!, $input: ReplacePlacementInstrumentInput!) {\n  replacePlacementInstrument(id: $id, input: $input) {\n    id\n    version\n  }\n}\n\nmutation ReturnPlacement($id: ID!, $input: ReturnPlacementInput!) {\n  returnPlacement(id: $id, input: $input) {\n    id\n    version\n  }\n}": types.PlacementDetailDocument,
    "fragment TargetSeriesMonth on TargetMonth {\n  month\n  sellIn {\n    ...Money\n  }\n  sellOut {\n    ...Money\n  }\n  cumulative {\n    ...Money\n  }\n  attainment\n}": types.TargetSeriesMonthFragmentDoc,
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
export function graphql(source: "fragment AuditEntryRow on AuditEntry {\n  id\n  side\n  action\n  entity\n  createdAt\n  actor {\n    id\n    displayName\n  }\n  distributor {\n    id\n    name\n  }\n  changes {\n    field\n    from\n    to\n  }\n}"): (typeof documents)["fragment AuditEntryRow on AuditEntry {\n  id\n  side\n  action\n  entity\n  createdAt\n  actor {\n    id\n    displayName\n  }\n  distributor {\n    id\n    name\n  }\n  changes {\n    field\n    from\n    to\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StatementChanges on StatementChanges {\n  previousVersion\n  openingBalanceChange {\n    ...Money\n  }\n  closingBalanceChange {\n    ...Money\n  }\n  lines {\n    change\n    lineNo\n    occurredOn\n    kind\n    memo\n    previousAmount {\n      ...Money\n    }\n    amount {\n      ...Money\n    }\n    effect {\n      ...Money\n    }\n  }\n}\n\nfragment StatementHead on Statement {\n  id\n  period\n  version\n  status\n  createdAt\n  confirmedAt\n  openingBalance {\n    ...Money\n  }\n  debits {\n    ...Money\n  }\n  credits {\n    ...Money\n  }\n  closingBalance {\n    ...Money\n  }\n  distributor {\n    id\n    name\n    code\n  }\n}\n\nfragment StatementLineFields on StatementLine {\n  id\n  lineNo\n  occurredOn\n  kind\n  memo\n  amount {\n    ...Money\n  }\n}"): (typeof documents)["fragment StatementChanges on StatementChanges {\n  previousVersion\n  openingBalanceChange {\n    ...Money\n  }\n  closingBalanceChange {\n    ...Money\n  }\n  lines {\n    change\n    lineNo\n    occurredOn\n    kind\n    memo\n    previousAmount {\n      ...Money\n    }\n    amount {\n      ...Money\n    }\n    effect {\n      ...Money\n    }\n  }\n}\n\nfragment StatementHead on Statement {\n  id\n  period\n  version\n  status\n  createdAt\n  confirmedAt\n  openingBalance {\n    ...Money\n  }\n  debits {\n    ...Money\n  }\n  credits {\n    ...Money\n  }\n  closingBalance {\n    ...Money\n  }\n  distributor {\n    id\n    name\n    code\n  }\n}\n\nfragment StatementLineFields on StatementLine {\n  id\n  lineNo\n  occurredOn\n  kind\n  memo\n  amount {\n    ...Money\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment Money on Money {\n  amount\n  currency\n}"): (typeof documents)["fragment Money on Money {\n  amount\n  currency\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TenderQuoteDetail on TenderQuote {\n  id\n  status\n  reason\n  decisionNote\n  price {\n    ...Money\n  }\n  floorPrice {\n    ...Money\n  }\n  product {\n    id\n    name\n  }\n}\n\nfragment TenderDetail on Tender {\n  id\n  number\n  purchaser\n  status\n  version\n  registrationDeadline\n  bidOpeningAt\n  winner\n  budget {\n    ...Money\n  }\n  winningPrice {\n    ...Money\n  }\n  orders {\n    id\n    number\n    status\n  }\n  products {\n    productId\n    floorPrice {\n      ...Money\n    }\n    product {\n      id\n      name\n    }\n  }\n  quotes {\n    ...TenderQuoteDetail\n  }\n  letters {\n    id\n    project\n    validFrom\n    validTo\n    status\n    products {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["fragment TenderQuoteDetail on TenderQuote {\n  id\n  status\n  reason\n  decisionNote\n  price {\n    ...Money\n  }\n  floorPrice {\n    ...Money\n  }\n  product {\n    id\n    name\n  }\n}\n\nfragment TenderDetail on Tender {\n  id\n  number\n  purchaser\n  status\n  version\n  registrationDeadline\n  bidOpeningAt\n  winner\n  budget {\n    ...Money\n  }\n  winningPrice {\n    ...Money\n  }\n  orders {\n    id\n    number\n    status\n  }\n  products {\n    productId\n    floorPrice {\n      ...Money\n    }\n    product {\n      id\n      name\n    }\n  }\n  quotes {\n    ...TenderQuoteDetail\n  }\n  letters {\n    id\n    project\n    validFrom\n    validTo\n    status\n    products {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlacementDetail($id: ID!) {\n  placement(id: $id) {\n    id\n    serialNo\n    productName\n    distributorName\n    hospitalName\n    departmentName\n    reagentLineName\n    commitmentQuantity\n    commitmentPeriod\n    startsOn\n    endsOn\n    status\n    version\n    history {\n      id\n      kind\n      occurredOn\n      serialNo\n      hospitalName\n      departmentName\n      note\n      actorName\n    }\n    commitment {\n      month\n      committed\n      actual\n      shortfall\n    }\n  }\n}\n\nmutation RelocatePlacement($id: ID!, $input: RelocatePlacementInput!) {\n  relocatePlacement(id: $id, input: $input) {\n    id\n    version\n  }\n}\n\nmutation ReplacePlacementInstrument($id: ID!, $input: ReplacePlacementInstrumentInput!) {\n  replacePlacementInstrument(id: $id, input: $input) {\n    id\n    version\n  }\n}\n\nmutation ReturnPlacement($id: ID!, $input: ReturnPlacementInput!) {\n  returnPlacement(id: $id, input: $input) {\n    id\n    version\n  }\n}"): (typeof documents)["query PlacementDetail($id: ID!) {\n  placement(id: $id) {\n    id\n    serialNo\n    productName\n    distributorName\n    hospitalName\n    departmentName\n    reagentLineName\n    commitmentQuantity\n    commitmentPeriod\n    startsOn\n    endsOn\n    status\n    version\n    history {\n      id\n      kind\n      occurredOn\n      serialNo\n      hospitalName\n      departmentName\n      note\n      actorName\n    }\n    commitment {\n      month\n      committed\n      actual\n      shortfall\n    }\n  }\n}\n\nmutation RelocatePlacement($id: ID!, $input: RelocatePlacementInput!) {\n  relocatePlacement(id: $id, input: $input) {\n    id\n    version\n  }\n}\n\nmutation ReplacePlacementInstrument($id: ID!, $input: ReplacePlacementInstrumentInput!) {\n  replacePlacementInstrument(id: $id, input: $input) {\n    id\n    version\n  }\n}\n\nmutation ReturnPlacement($id: ID!, $input: ReturnPlacementInput!) {\n  returnPlacement(id: $id, input: $input) {\n    id\n    version\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TargetSeriesMonth on TargetMonth {\n  month\n  sellIn {\n    ...Money\n  }\n  sellOut {\n    ...Money\n  }\n  cumulative {\n    ...Money\n  }\n  attainment\n}"): (typeof documents)["fragment TargetSeriesMonth on TargetMonth {\n  month\n  sellIn {\n    ...Money\n  }\n  sellOut {\n    ...Money\n  }\n  cumulative {\n    ...Money\n  }\n  attainment\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
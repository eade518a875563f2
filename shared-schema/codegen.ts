import { readdirSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * One config, both front ends: typed documents generated from the committed schema into each
 * app's src/gql/, and into web-shared/src/gql/ for what both share (the session's auth
 * operations). Run from shared-schema/ (`pnpm --filter @medchannel/shared-schema codegen`).
 * Operations live beside the features that use them (features/<domain>/*.graphql).
 */
const APPS = ['console-internal', 'portal-partner', 'web-shared'] as const;

/** A front end with no operations of its own yet (the portal's are all in web-shared) gets no src/gql/. */
function hasDocuments(app: (typeof APPS)[number]): boolean {
  return readdirSync(`../${app}/src`, { recursive: true }).some((file) => String(file).endsWith('.graphql'));
}

/**
 * web-shared's features that load with a lazy screen only (src/opportunities: trials and tenders;
 * src/placements: a placed instrument's record and actions)
 * get a generated module of their own under src/gql/<feature>/: one module lands in one chunk, and
 * web-shared's main one is in every app's first load (the session's operations).
 */
const LAZY_SHARED = ['opportunities', 'placements'] as const;

const OUTPUT = {
  preset: 'client',
  // Fragments stay unmasked: pages are small and read what they ask for.
  presetConfig: { fragmentMasking: false },
  config: {
    // String unions: the shared-schema TS enums (Role.ADMIN …) compare and assign to them.
    enumsAsTypes: true,
    useTypeImports: true,
    onlyOperationTypes: true,
    scalars: { DateTimeISO: 'string', Decimal: 'string', LocalDate: 'string' },
  },
} as const;

function forApp(app: (typeof APPS)[number]): CodegenConfig['generates'] {
  const lazy = app === 'web-shared' ? LAZY_SHARED.map((f) => `!../web-shared/src/${f}/**/*.graphql`) : [];
  return {
    // web-shared's *.fragments.graphql (Money, StatementChanges, TenderDetail) are both apps' own as well.
    [`../${app}/src/gql/`]: {
      ...OUTPUT,
      documents: [`../${app}/src/**/*.graphql`, '../web-shared/src/**/*.fragments.graphql', ...lazy],
    },
  };
}

function forLazyShared(feature: (typeof LAZY_SHARED)[number]): CodegenConfig['generates'] {
  return {
    [`../web-shared/src/gql/${feature}/`]: {
      ...OUTPUT,
      documents: [`../web-shared/src/${feature}/**/*.graphql`, '../web-shared/src/**/*.fragments.graphql'],
    },
  };
}

/**
 * The session's operations once more as plain strings (documentMode: 'string'), for the portal's
 * sign-in shell: it posts them with fetch, so its first load carries neither Apollo nor graphql's printer.
 */
const SESSION_STRINGS: CodegenConfig['generates'] = {
  '../web-shared/src/gql/session/': {
    ...OUTPUT,
    documents: ['../web-shared/src/auth/auth.graphql'],
    config: { ...OUTPUT.config, documentMode: 'string' },
  },
};

const config: CodegenConfig = {
  // Printed by the API (pnpm schema:print) and committed: the contract both sides build against.
  schema: 'schema.graphql',
  overwrite: true,
  ignoreNoDocuments: false,
  generates: Object.assign(
    {},
    ...APPS.filter(hasDocuments).map(forApp),
    ...LAZY_SHARED.map(forLazyShared),
    SESSION_STRINGS,
  ),
};

export default config;

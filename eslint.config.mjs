// ESLint for the whole tree (flat config). `pnpm lint` at the root; CI runs it after the type-check.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const dirs = (path) =>
  readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/**
 * A module (api/src/modules/<domain>/) is entered from outside its folder only through its index.ts.
 * One zone per module: every other place in the API may import from it, but only its index.
 */
const API_MODULES = 'api/src/modules';
const API_MODULE_NAMES = dirs(API_MODULES);
/** Every place in the API outside one module's folder: the other modules, and all that is not a module. */
const outsideModule = (domain) => [
  ...API_MODULE_NAMES.filter((other) => other !== domain).map((other) => `${API_MODULES}/${other}`),
  ...dirs('api/src')
    .filter((dir) => dir !== 'modules')
    .map((dir) => `api/src/${dir}`),
  'api/src/*.ts',
  'api/test',
  'api/bench',
];
const apiModuleZones = API_MODULE_NAMES.map((domain) => ({
  target: outsideModule(domain),
  from: `${API_MODULES}/${domain}`,
  except: ['./index.ts'],
  message: `Import the ${domain} module through its index.ts (a module's files are its own).`,
}));

/** A front-end feature (src/features/<x>/) does not reach into another feature's files. */
const featureZones = ['console-internal', 'portal-partner'].flatMap((app) =>
  dirs(`${app}/src/features`).map((feature) => ({
    target: `${app}/src/features/${feature}`,
    from: `${app}/src/features`,
    except: [`./${feature}`],
    message: `A feature does not import another feature's files: move what both need to web-shared or the app's components.`,
  })),
);

/**
 * Role lists are written once, in shared-schema/src/capabilities.ts: an array literal holding a
 * Role member (`[Role.ADMIN, Role.ORDER_DESK]`) anywhere else is flagged.
 */
const roleArrayRule = {
  // Only arrays made of roles (members or spreads): a row of SQL parameters holding one role is data, not a list.
  selector:
    'ArrayExpression:has(> MemberExpression[object.name="Role"]):not(:has(> :not(MemberExpression[object.name="Role"], SpreadElement)))',
  message: 'Role lists live in shared-schema/src/capabilities.ts: name a capability instead of listing roles.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      // generated: GraphQL codegen output (pnpm codegen)
      '**/src/gql/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a deliberately unused binding (a destructured field dropped, an ignored parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      'no-restricted-syntax': ['error', roleArrayRule],
      // `interface Row extends Omit<…> {}` names a shape; it is not an empty type.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // Tests read GraphQL and REST answers as loose JSON; typing every answer would restate the schema.
    files: ['**/*.test.ts', 'api/test/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs', 'api/jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The one place role lists are written, and the roles' own definition (the brand and partner sides).
    files: ['shared-schema/src/capabilities.ts', 'shared-schema/src/roles.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['api/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: apiModuleZones }],
    },
  },
  {
    files: ['console-internal/src/**/*.{ts,tsx}', 'portal-partner/src/**/*.{ts,tsx}', 'web-shared/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    languageOptions: { globals: { ...globals.browser } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Off: drawers and filters reset their state when their input changes (7 places); the compiler-era
      // rewrite (keys or derived state) changes render timing and belongs with those components' owners.
      'react-hooks/set-state-in-effect': 'off',
      // Off: one list computes row ages from Date.now() at render, which is what it means to show.
      'react-hooks/purity': 'off',
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: featureZones }],
    },
  },
  prettier,
);

import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';
import { ALL_CAPABILITIES, Role } from '@medchannel/shared-schema';

/*
 * Who may do what is written once, in shared-schema/src/capabilities.ts. This keeps it so: no
 * list of roles anywhere else in the API, the two front ends, web-shared or the isolation matrix's
 * operation tables, no @Authorized with roles of its own (the API writes @Can('domain.verb')),
 * and no capability that nothing reads.
 */

const ROOT = process.env.CAPABILITIES_ROOT ?? join(__dirname, '..', '..');
const SOURCES = ['api/src', 'console-internal/src', 'portal-partner/src', 'web-shared/src'];
const ROLES = new Set<string>(Object.values(Role));
/** The named groups in shared-schema's roles.ts: spreading them into a list is a list of roles too. */
const ROLE_GROUPS = new Set(['BRAND_ROLES', 'PARTNER_ROLES']);
/** The one place that hands roles to type-graphql's @Authorized: @Can. */
const CAN = join('api', 'src', 'auth', 'can.ts');

function files(dir: string, keep: (path: string) => boolean): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'gql' || name === 'dist' ? [] : files(path, keep);
    return keep(path) ? [path] : [];
  });
}

const isSource = (path: string) =>
  /\.tsx?$/.test(path) && !/\.(test|spec|e2e)\.tsx?$/.test(path) && !path.endsWith('.d.ts');
/** The isolation matrix's operation tables, wherever a module keeps them. */
const isOperationTable = (path: string) => /(operations|\.isolation)\.ts$/.test(path);

function isRoleElement(e: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(e))
    return ts.isIdentifier(e.expression) && e.expression.text === 'Role' && ROLES.has(e.name.text);
  if (ts.isStringLiteral(e)) return ROLES.has(e.text);
  if (ts.isSpreadElement(e)) return ts.isIdentifier(e.expression) && ROLE_GROUPS.has(e.expression.text);
  return false;
}

const isAuthorizedWithRoles = (node: ts.Node): boolean =>
  ts.isCallExpression(node) &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === 'Authorized' &&
  node.arguments.length > 0;

/** Array literals made of roles (Role.X, 'X', ...BRAND_ROLES), and @Authorized(...) with roles of its own. */
function roleLists(root: string, paths: string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(
      path,
      text,
      ts.ScriptTarget.Latest,
      true,
      path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const at = (node: ts.Node) =>
      `${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isArrayLiteralExpression(node) && node.elements.length > 0 && node.elements.every(isRoleElement)) {
        found.push(`${at(node)} ${node.getText().slice(0, 80)}`);
      } else if (isAuthorizedWithRoles(node) && relative(root, path) !== CAN) {
        found.push(`${at(node)} ${node.getText().slice(0, 80)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const sources = SOURCES.flatMap((dir) => files(join(ROOT, dir), isSource));
const operationTables = files(join(ROOT, 'api'), isOperationTable);

test('no role lists outside shared-schema/src/capabilities.ts', () => {
  expect(sources.length).toBeGreaterThan(100);
  expect(roleLists(ROOT, sources)).toEqual([]);
});

test("the isolation matrix's allow-lists read the capability table", () => {
  expect(operationTables.length).toBeGreaterThan(5);
  expect(roleLists(ROOT, operationTables)).toEqual([]);
});

/** The sources of the app whose screens are `<app>.<screen>` capabilities (its nav.tsx builds the name). */
const APP_SOURCES: Record<string, string> = { console: 'console-internal/src', portal: 'portal-partner/src' };
const read = (paths: string[]) => paths.map((path) => readFileSync(path, 'utf8')).join('\n');

test('every capability is read somewhere', () => {
  const text = read([...sources, ...operationTables]);
  const apps = Object.fromEntries(
    Object.entries(APP_SOURCES).map(([app, dir]) => [app, read(files(join(ROOT, dir), isSource))]),
  );
  // a screen is read where a route or a check names it: `feature: 'orders'`, `canUse(role, 'orders')`
  const screenRead = (cap: string) => {
    const [app, screen] = cap.split('.');
    return apps[app] !== undefined && new RegExp(`(feature: |canUse\\([^,()]+, )'${screen}'`).test(apps[app]);
  };
  const unread = ALL_CAPABILITIES.filter((cap) => !text.includes(`'${cap}'`) && !screenRead(cap));
  expect(unread).toEqual([]);
});

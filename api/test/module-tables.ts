import fs from 'node:fs';
import path from 'node:path';
import { modules } from '../src/modules';

const MODULES_DIR = path.join(__dirname, '../src/modules');

/**
 * The test tables the modules keep beside their code (`<module>/*.<kind>.ts`, test-only files left
 * out of the build), loaded in the order of the module list: the isolation matrix and the SQL-count
 * check fold these, so a new module's tables need no edit here. A table in a folder the list does
 * not name is an error, not silently left out.
 */
export function moduleTables(
  kind: 'isolation' | 'sql-count',
): Array<{ module: string; file: string; exports: Record<string, unknown> }> {
  const suffix = `.${kind}.ts`;
  const listed = new Set<string>(modules().map((m) => m.name));
  for (const dir of fs.readdirSync(MODULES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory() || listed.has(dir.name)) continue;
    const stray = fs.readdirSync(path.join(MODULES_DIR, dir.name)).filter((f) => f.endsWith(suffix));
    if (stray.length) throw new Error(`${dir.name}/${stray[0]}: the folder is not a module of src/modules/index.ts`);
  }
  return modules().flatMap((m) =>
    fs
      .readdirSync(path.join(MODULES_DIR, m.name))
      .filter((f) => f.endsWith(suffix))
      .sort()
      .map((file) => ({
        module: m.name,
        file,
        // the tables are found by file name, so they are loaded by path (jest runs CommonJS)
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        exports: require(path.join(MODULES_DIR, m.name, file)) as Record<string, unknown>,
      })),
  );
}

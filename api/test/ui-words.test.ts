import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// One word per concept in what people read (docs/architecture.md, i18n): every zh-CN string has its en twin, the
// apps address the reader as 您 throughout, a brand-internal note is 仅品牌内部 and a commitment (always the brand's,
// to the distributor) is 品牌方承诺 wherever they are named.
const ROOT = join(__dirname, '../..');
const APPS = ['console-internal/src', 'portal-partner/src', 'web-shared/src'];

function localeDirs(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'gql') continue;
    const path = join(dir, entry.name);
    if (entry.name === 'locales') found.push(path);
    else found.push(...localeDirs(path));
  }
  return found;
}

/** Every string of a locale file, by its dotted key (i18next's plural forms, count_one and count_other, as count). */
function strings(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string') out.set(key.replace(/_(zero|one|two|few|many|other)$/, ''), node);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, key ? `${key}.${k}` : k);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), '');
  return out;
}

const dirs = APPS.flatMap((app) => localeDirs(join(ROOT, app)));

test('the locale folders are found', () => {
  expect(dirs.length).toBeGreaterThan(10);
});

describe.each(dirs.map((d) => [relative(ROOT, d), d]))('%s', (_name, dir) => {
  const zh = strings(join(dir, 'zh-CN.json'));
  const en = strings(join(dir, 'en.json'));

  it('has an en string for every zh-CN string, and no en string without one', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('addresses the reader as 您 and names brand-internal notes 仅品牌内部 and commitments 品牌方承诺', () => {
    const off = [...zh].filter(([, text]) => /你|仅品牌方|品牌承诺/.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(off).toEqual([]);
  });
});

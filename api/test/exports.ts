import ExcelJS from 'exceljs';
import type { GqlClient, TestApp } from './harness';

/** What an export answered: its status, and the first sheet's rows under the header (or the coded JSON error). */
export interface ExportAnswer {
  status: number;
  headers: string[];
  rows: unknown[][];
  error: { code: string; reason: string | null; field: string | null; limit?: number } | null;
}

/** GETs /files/exports/<name>?<query> as the client (its session and app), reading the workbook or the error. */
export async function fetchExport(t: TestApp, c: GqlClient, name: string, query = ''): Promise<ExportAnswer> {
  const res = await fetch(`${t.url}/files/exports/${name}${query ? `?${query}` : ''}`, {
    headers: {
      'x-medchannel-app': c.audience!.toLowerCase(),
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
  if (!res.ok) {
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, headers: [], rows: [], error: ((await res.json()) as { error: never }).error };
  }
  expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  // getSheetValues is 1-based (rows and cells): drop the empty slots
  const values = (wb.worksheets[0].getSheetValues() as unknown[][]).slice(1).map((r) => (r ?? []).slice(1));
  return { status: res.status, headers: values[0] as string[], rows: values.slice(1), error: null };
}

/** A sheet's rows as objects by header, to read a column by its name. */
export const byHeader = (a: ExportAnswer) =>
  a.rows.map((r) => Object.fromEntries(a.headers.map((h, i) => [h, r[i] ?? null])) as Record<string, unknown>);

import type DataLoader from 'dataloader';
import type { JsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import type { ProductLine } from '../product';
import { primeProductLines } from './certificate-page';
import { fileInScope } from './course.service';
import { CourseFile, CourseVersion } from './training.entity';

/**
 * What a tree reads of a course version beyond its row, written once for the course pages (their
 * versions) and a single enrollment (the version it is on): the files its materials name and how the
 * loaders are primed with them and with its lines.
 */

/**
 * The files the materials of `versions` (a `course_version x WHERE ...` text) name, those the viewer
 * may see (`fileInScope`, as courseFileById reads them), as a JSON list over file alias `f`.
 */
export function materialFilesOf(kit: Pick<JsonTreeKit, 'list' | 'row' | 'inScope'>, versions: string, f: string) {
  const ids = `(SELECT ${f}m->>'fileId' FROM (SELECT sections FROM ${versions}) ${f}v
    CROSS JOIN LATERAL jsonb_array_elements(${f}v.sections) ${f}s CROSS JOIN LATERAL jsonb_array_elements(${f}s->'materials') ${f}m)`;
  return kit.list(
    kit.row(CourseFile, f),
    `course_file ${f} WHERE ${f}.id::text IN ${ids} AND ${fileInScope(f, kit.inScope)}`,
    `${f}.id`,
  );
}

/** Primes productLineById, distributorById ... for each id with the record found, or null (one the scope hid). */
export function primeFound<T extends { id: string }>(
  loader: DataLoader<string, T | null>,
  ids: readonly string[],
  found: T[],
): void {
  const byId = new Map(found.map((r) => [r.id, r]));
  for (const id of ids) loader.prime(id, byId.get(id) ?? null);
}

/** Primes version `v`'s lines and the files its materials name, from those a tree read (undefined: not asked). */
export function primeVersionParts(
  loaders: Loaders,
  v: CourseVersion,
  lines: ProductLine[] | undefined,
  files: CourseFile[] | undefined,
): void {
  if (lines) primeProductLines(loaders, v.productLineIds, lines);
  if (files) {
    const ids = v.sections.flatMap((s) => s.materials.map((m) => m.fileId).filter((f): f is string => !!f));
    primeFound(loaders.courseFileById, ids, files);
  }
}

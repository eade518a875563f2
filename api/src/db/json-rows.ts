import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Rows of an entity built as JSON inside PostgreSQL, and turned back into the same entity objects
 * TypeORM's getMany() answers (so they can prime the DataLoaders the field resolvers read).
 *
 * JSON has no exact decimal: numeric and bigint columns travel as text, exactly as pg hands them
 * to TypeORM; timestamps travel as ISO text and come back as Date, dates as 'YYYY-MM-DD', through
 * the driver's own hydration (transformers included). Keys are the columns' database names.
 */
const AS_TEXT = new Set(['numeric', 'decimal', 'bigint', 'int8', 'money']);
/** json_build_object takes at most 100 arguments: wider rows are built in parts and joined. */
const PAIRS_PER_CALL = 50;

const columnsOf = (ds: DataSource, entity: EntityTarget<ObjectLiteral>): ColumnMetadata[] =>
  ds.getMetadata(entity).columns.filter((c) => c.isSelect !== false);

/** The SQL expression for one row of `entity` aliased `alias`, as a JSON object. */
export function jsonRow(ds: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const pairs = columnsOf(ds, entity).map((c) => {
    const value = `${alias}.${c.databaseName}`;
    return `'${c.databaseName}', ${typeof c.type === 'string' && AS_TEXT.has(c.type) && !c.isArray ? `${value}::text` : value}`;
  });
  if (pairs.length <= PAIRS_PER_CALL) return `json_build_object(${pairs.join(', ')})`;
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) {
    parts.push(`jsonb_build_object(${pairs.slice(i, i + PAIRS_PER_CALL).join(', ')})`);
  }
  return `(${parts.join(' || ')})::json`;
}

/** The entity object for a row jsonRow built. */
export function fromJsonRow<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  json: Record<string, unknown>,
): T {
  const metadata = ds.getMetadata(entity);
  const row = metadata.create() as T;
  for (const c of columnsOf(ds, entity)) {
    const raw = json[c.databaseName];
    // an array arrives as a JSON array already, as pg would have parsed it; the rest as the driver reads it
    const value = c.isArray && Array.isArray(raw) ? raw : ds.driver.prepareHydratedValue(raw ?? null, c);
    c.setEntityValue(row, value);
  }
  return row;
}

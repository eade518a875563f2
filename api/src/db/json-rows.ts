import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
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

/** Column types the driver hands back unchanged (no transformer): a JSON value is the entity's value as it is. */
const AS_IS = new Set([
  'uuid',
  'varchar',
  'character varying',
  'text',
  'char',
  'character',
  'smallint',
  'int',
  'int2',
  'int4',
  'integer',
  ...AS_TEXT,
]);
/** Timestamps, which the driver turns from ISO text into a Date (DateUtils.normalizeHydratedDate). */
const TIMESTAMPS = new Set([
  'timestamptz',
  'timestamp',
  'timestamp with time zone',
  'timestamp without time zone',
  'datetime',
]);

/** How one column of a JSON row becomes the entity's value: as it is, as a Date, or through the driver. */
interface ColumnPlan {
  column: ColumnMetadata;
  key: string;
  property: string;
  how: 'as-is' | 'date' | 'driver';
}

/**
 * Per entity, worked out once: which columns can skip the driver's general hydration (a chain of
 * type comparisons per column of every row, a visible share of a list's CPU). Plain columns only
 * (not embedded, not virtual, no transformer); anything else goes through the driver as before.
 */
const plans = new WeakMap<EntityMetadata, ColumnPlan[]>();

function howOf(column: ColumnMetadata): ColumnPlan['how'] {
  if (column.transformer || column.embeddedMetadata || column.isVirtual || typeof column.type !== 'string') {
    return 'driver';
  }
  // an array arrives as a JSON array (or null), which is what the driver would answer too
  if (column.isArray || AS_IS.has(column.type)) return 'as-is';
  return TIMESTAMPS.has(column.type) ? 'date' : 'driver';
}

function planOf(ds: DataSource, metadata: EntityMetadata): ColumnPlan[] {
  let plan = plans.get(metadata);
  if (plan) return plan;
  plan = columnsOf(ds, metadata.target).map((column) => ({
    column,
    key: column.databaseName,
    property: column.propertyName,
    how: howOf(column),
  }));
  plans.set(metadata, plan);
  return plan;
}

/** The entity object for a row jsonRow built. */
export function fromJsonRow<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  json: Record<string, unknown>,
): T {
  const metadata = ds.getMetadata(entity);
  const row = metadata.create() as Record<string, unknown>;
  for (const { column, key, property, how } of planOf(ds, metadata)) {
    const raw = json[key] ?? null;
    if (how === 'as-is') row[property] = raw;
    else if (how === 'date') row[property] = typeof raw === 'string' && raw ? new Date(raw) : raw;
    // an array arrives as a JSON array already, as pg would have parsed it; the rest as the driver reads it
    else
      column.setEntityValue(
        row,
        column.isArray && Array.isArray(raw) ? raw : ds.driver.prepareHydratedValue(raw, column),
      );
  }
  return row as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a uuid cannot name a record: callers answer NOT_FOUND, not a database cast error. */
export const isUuid = (id: string): boolean => UUID.test(id);

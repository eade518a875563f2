import type { FormInstance } from 'antd';

type NamePath = string | number | ReadonlyArray<string | number>;

/**
 * Which form field shows the error the server put on an input: the inputs that are form fields of
 * the same name, a map from the server's path to the form's name, or a function for list paths
 * (`slots.1` → `['slots', 1]`). Anything else answers nothing: the caller shows it elsewhere.
 */
export type FieldPlacement =
  readonly string[] | Readonly<Record<string, NamePath>> | ((field: string) => NamePath | null | undefined);

interface Failure {
  field?: string;
  message: string;
  detail?: string;
}

/** The form name the server's field lands on, if any. */
export function fieldNameOf(field: string | undefined, fields: FieldPlacement): NamePath | undefined {
  if (!field) return undefined;
  if (typeof fields === 'function') return fields(field) ?? undefined;
  if (Array.isArray(fields)) return fields.includes(field) ? field : undefined;
  const map = fields as Readonly<Record<string, NamePath>>;
  return Object.hasOwn(map, field) ? map[field] : undefined;
}

/**
 * Puts a server's field error (`extensions.field`) on the antd form field that shows that input,
 * with the details beside the message when `withDetail`. True when it found a field to put it on.
 */
export function showFieldError<V>(
  form: FormInstance<V>,
  failure: Failure,
  fields: FieldPlacement,
  { withDetail = false } = {},
): boolean {
  const name = fieldNameOf(failure.field, fields);
  if (name === undefined) return false;
  const message = withDetail && failure.detail ? `${failure.message} ${failure.detail}` : failure.message;
  form.setFields([{ name: name as never, errors: [message] }]);
  return true;
}

import type { HTMLAttributes } from 'react';

/** data-* attributes for a table row (antd's onRow), so tests and tools find a row by what it shows. */
export function rowData(attributes: Record<string, string | number | undefined>): HTMLAttributes<HTMLElement> {
  return attributes as HTMLAttributes<HTMLElement>;
}

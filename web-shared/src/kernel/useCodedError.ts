import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { codedError, formError, type CodedError } from '../app/errors';

/** A refused request as a screen shows it. */
export interface CodedFailure {
  code: CodedError['code'];
  reason?: ErrorReason;
  /** The input the server named, as a path into what was sent (an argument's `input.` left off): `items.2.quantity` */
  field?: string;
  /** That path without its list positions: `items.quantity` */
  fieldName?: string;
  /** The first list position in it: `items.2.quantity` → 2 */
  index?: number;
  /** Someone else changed the record first: the named queries were reloaded */
  stale: boolean;
  /** The feature's own wording, else the shared wording of the reason or code; never the server's English */
  message: string;
  /** What a reason cannot carry (which grant conflicts, which document is missing), when it matters */
  detail?: string;
}

export interface CodedErrorOptions {
  /**
   * Where the feature words its failures (`trainingError`, `orderError`…), tried in this order:
   * `<prefix>.field.<field_name>` (list positions left out, dots as `_`), `<prefix>.reason.<REASON>`,
   * `<prefix>.<REASON>` (and `<prefix>.NETWORK` when nothing answered). Without it, the shared wording.
   */
  prefix?: string;
  /** Queries to refetch when the record moved on underneath, so the page shows where it stands now */
  reload?: readonly string[];
  /** Reasons that mean the record moved on underneath; by default ILLEGAL_TRANSITION and STALE_VERSION */
  stale?: readonly ErrorReason[];
  /** The detail, when the feature words it itself (e.g. per-line compliance reasons) */
  detail?: (error: unknown, coded: CodedError, t: TFunction) => string | undefined;
}

const STALE: readonly ErrorReason[] = [ErrorReason.ILLEGAL_TRANSITION, ErrorReason.STALE_VERSION];
const NO_RELOAD: readonly string[] = [];

/** `input.items.2.quantity` → path `items.2.quantity`, name `items.quantity`, index 2. */
export function fieldPath(field: string | undefined): { field?: string; fieldName?: string; index?: number } {
  if (!field) return {};
  const path = field.replace(/^input\./, '');
  const parts = path.split('.');
  const at = parts.findIndex((p) => /^\d+$/.test(p));
  return {
    field: path,
    fieldName: parts.filter((p) => !/^\d+$/.test(p)).join('.'),
    index: at < 0 ? undefined : Number(parts[at]),
  };
}

/** The failure worded (see CodedErrorOptions.prefix), without reloading anything: for code outside React. */
export function codedFailure(
  t: TFunction,
  error: unknown,
  options: Omit<CodedErrorOptions, 'reload'> = {},
): CodedFailure {
  const { prefix, stale = STALE, detail } = options;
  const coded = codedError(error);
  const shared = formError(t, error);
  const path = fieldPath(coded.field);
  const say = (key: string) => (prefix ? t(`${prefix}.${key}`, { defaultValue: '' }) : '');
  const own =
    (path.fieldName ? say(`field.${path.fieldName.replace(/\./g, '_')}`) : '') ||
    (coded.reason
      ? say(`reason.${coded.reason}`) || say(coded.reason)
      : coded.code === 'NETWORK'
        ? say('NETWORK')
        : '');
  return {
    code: coded.code,
    reason: coded.reason,
    ...path,
    stale: Boolean(coded.reason && stale.includes(coded.reason)),
    message: own || shared.message,
    detail: detail ? detail(error, coded, t) : shared.detail,
  };
}

/**
 * The one coded-error hook of both apps: turns an Apollo or REST failure into the coded message in
 * the reader's language and the field the server named (see `showFieldError` to put it on a form);
 * when the record moved on underneath, the `reload` queries are refetched. Pass arrays and functions
 * as module constants, so the callback stays the same between renders.
 */
export function useCodedError(options: CodedErrorOptions = {}): (error: unknown) => CodedFailure {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { prefix, reload = NO_RELOAD, stale = STALE, detail } = options;
  return useCallback(
    (error: unknown) => {
      const failure = codedFailure(t, error, { prefix, stale, detail });
      if (failure.stale && reload.length) void client.refetchQueries({ include: [...reload] });
      return failure;
    },
    [t, client, prefix, reload, stale, detail],
  );
}

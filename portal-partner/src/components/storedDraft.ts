import { useCallback, useState } from 'react';
import { newRequestKey } from '@medchannel/web-shared/kernel';

/** Something being written whose send carries an idempotency key (`key` while a send awaits its answer). */
export interface KeyedDraft {
  key: string | null;
}

function load<D extends KeyedDraft>(storage: string, empty: D): D {
  try {
    const stored = localStorage.getItem(storage);
    return stored ? { ...empty, ...(JSON.parse(stored) as Partial<D>) } : empty;
  } catch {
    return empty;
  }
}

function save<D extends KeyedDraft>(storage: string, draft: D, blank: (d: D) => boolean): void {
  try {
    if (draft.key || !blank(draft)) localStorage.setItem(storage, JSON.stringify(draft));
    else localStorage.removeItem(storage);
  } catch {
    // private mode or full: the draft lasts for this page only
  }
}

/**
 * A draft kept in localStorage under `storage` (per user and record): a phone may drop the tab or
 * the network between a send and its answer, and the key must outlive both, so a retry returns the
 * first result instead of acting twice (the quiz's submit, a note's comment; the cart keeps its own).
 */
export function useStoredDraft<D extends KeyedDraft>(storage: string, empty: D, blank: (d: D) => boolean) {
  const [draft, setDraft] = useState<D>(() => load(storage, empty));
  const update = useCallback(
    (change: (d: D) => D) =>
      setDraft((d) => {
        const next = change(d);
        save(storage, next, blank);
        return next;
      }),
    [storage, blank],
  );
  /** The key to send now: the kept one, else a new one, stored before it is sent. */
  const requestKey = (): string => {
    if (draft.key) return draft.key;
    const next = { ...draft, key: newRequestKey() };
    save(storage, next, blank);
    setDraft(next);
    return next.key;
  };
  return { draft, update, requestKey };
}

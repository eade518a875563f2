import { lazy, type ComponentProps, type ComponentType, type LazyExoticComponent } from 'react';

/** A page's code that could not be fetched, even after the retries: the network, or a stale deploy. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ChunkLoadError';
  }
}

export function isChunkLoadError(error: unknown): error is ChunkLoadError {
  return error instanceof ChunkLoadError;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  /** attempts after the first, before the page's boundary shows the error */
  retries?: number;
  /** the wait before the first retry; doubled for each next one */
  delayMs?: number;
}

/**
 * React.lazy that survives a patchy network. A failed import is tried again a couple of times with
 * a growing wait; if it still fails, it throws a ChunkLoadError for the page's boundary (PageBoundary:
 * message, Retry, Reload) — and the next render starts over, where React.lazy would keep answering
 * the same rejected promise for as long as the tab stays open.
 */
export function retryingLazy<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
  { retries = 2, delayMs = 400 }: RetryOptions = {},
): ComponentType<ComponentProps<T>> {
  const attempt = async (): Promise<{ default: T }> => {
    for (let n = 0; ; n++) {
      try {
        return await load();
      } catch (error) {
        if (n >= retries) {
          current = fresh();
          throw new ChunkLoadError(error);
        }
        await sleep(delayMs * 2 ** n);
      }
    }
  };
  const fresh = (): LazyExoticComponent<T> => lazy(attempt);
  let current = fresh();
  function RetryingLazy(props: ComponentProps<T>) {
    const Current = current as unknown as ComponentType<ComponentProps<T>>;
    return <Current {...props} />;
  }
  return RetryingLazy;
}

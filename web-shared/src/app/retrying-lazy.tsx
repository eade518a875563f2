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

/** Resets of the lazy components whose last fetch failed, waiting for the failure to be shown. */
const failed = new Set<() => void>();

/**
 * Lets every lazy component whose fetch failed try again on its next render. Called by the boundary
 * once it shows the failure (PageBoundary, RouteError): not earlier, or React's own re-render after
 * the rejection would start a new fetch instead of seeing the error, for as long as the network is down.
 */
export function resetFailedChunks(): void {
  const resets = [...failed];
  failed.clear();
  resets.forEach((reset) => reset());
}

/**
 * React.lazy that survives a patchy network. A failed import is tried again a couple of times with
 * a growing wait; if it still fails, it throws a ChunkLoadError for the page's boundary (PageBoundary:
 * message, Retry, Reload), and once that is shown the next render starts over — where React.lazy
 * would keep answering the same rejected promise for as long as the tab stays open.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bound React.lazy itself declares: any props' component
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
          failed.add(() => {
            current = lazy(attempt);
          });
          throw new ChunkLoadError(error);
        }
        await sleep(delayMs * 2 ** n);
      }
    }
  };
  let current: LazyExoticComponent<T> = lazy(attempt);
  function RetryingLazy(props: ComponentProps<T>) {
    const Current = current as unknown as ComponentType<ComponentProps<T>>;
    return <Current {...props} />;
  }
  return RetryingLazy;
}

import { describeOpenSessions } from './browser';

// In CI, a browser test that fails is run once more, and its first failure is printed in full above
// the retry's result. Three stops in a row were refused for one test each that failed once on the CI
// machine and never here (load-dependent timing), so one failure is reported, not allowed to throw
// away the run; a test that fails twice still fails CI. Locally every failure stands.
if (process.env.CI) jest.retryTimes(1, { logErrorsBeforeRetry: true });

// A failing test's error also says what each open browser showed and what the API answered
// (support/browser.ts): a wait that timed out in CI, where no one can look at the screen, then
// tells why.
// (no test here takes a done callback: each is an async function)
function telling(original: jest.It): jest.It {
  const wrapped = (name: string, fn?: () => unknown, timeout?: number) =>
    original(
      name,
      fn &&
        (async () => {
          try {
            await fn();
          } catch (error) {
            const seen = await describeOpenSessions().catch(() => '');
            if (seen && error instanceof Error) {
              const told = `${error.message}\n\nWhat the browsers showed:\n${seen}`;
              // Jest prints the stack, which begins with the message as it was thrown
              error.stack = error.stack?.replace(error.message, told);
              error.message = told;
            }
            throw error;
          }
        }),
      timeout,
    );
  return Object.assign(wrapped, original);
}
globalThis.test = telling(globalThis.test);
globalThis.it = telling(globalThis.it);

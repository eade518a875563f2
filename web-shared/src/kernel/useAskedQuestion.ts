import { useState } from 'react';

/**
 * A question a form asks (a query run when the person presses 查询): the variables last asked, `ask` for the form's
 * onFinish and `onValuesChange` for the form. The answer stays while the form still asks the same question: a field
 * that reports its value again (a date picker losing focus as the button is pressed) is no change, and only a real
 * change takes the answer away until it is asked again. `toVariables` must accept a form still partly filled.
 */
export function useAskedQuestion<Values, Variables extends object>(
  toVariables: (values: Partial<Values>) => Variables,
) {
  const [asked, setAsked] = useState<Variables | null>(null);
  const ask = (values: Values) => setAsked(toVariables(values));
  const onValuesChange = (_: unknown, all: Partial<Values>) =>
    setAsked((prev) => {
      if (!prev) return prev;
      const now = toVariables(all) as Record<string, unknown>;
      const before = prev as Record<string, unknown>;
      return Object.keys(now).every((k) => now[k] === before[k]) ? prev : null;
    });
  return { asked, ask, onValuesChange };
}

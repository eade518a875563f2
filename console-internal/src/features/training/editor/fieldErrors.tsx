import { createContext, useContext } from 'react';
import { Typography } from 'antd';

/** The place the API refused (`questions.2.options`, `sections.0.materials`) and what to say there. */
export interface PlacedError {
  path: string;
  message: string;
}

const PlacedErrorContext = createContext<PlacedError | null>(null);
export const PlacedErrorProvider = PlacedErrorContext.Provider;

/**
 * The refusal, shown where the API named it: under a list (`sections`, `questions`), a section's
 * materials, one material, or one question's options. Renders nothing for any other place.
 */
export function ErrorAt({ path }: { path: string }) {
  const placed = useContext(PlacedErrorContext);
  if (placed?.path !== path) return null;
  return (
    <Typography.Text
      type="danger"
      id={`error-at-${path}`}
      data-testid="course-field-error"
      data-path={path}
      style={{ display: 'block', margin: '4px 0 8px' }}
    >
      {placed.message}
    </Typography.Text>
  );
}

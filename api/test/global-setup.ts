import 'reflect-metadata';
import { createTemplate } from './test-template';

export default async function globalSetup() {
  const started = Date.now();
  // Workers are forked after this, so they inherit where the template is.
  const template = await createTemplate();
  (globalThis as { __testTemplate?: typeof template }).__testTemplate = template;
  console.log(
    `\ntest database template ready (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}) in ${Date.now() - started} ms`,
  );
}

import { GraphQLSchema, isInputObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { ArgumentValidationError, buildSchema } from 'type-graphql';
import { ValidationError, ValidatorOptions, validateOrReject } from 'class-validator';
import { authChecker } from '../auth/auth-checker';
import { AuthResolver } from '../auth/auth.resolver';
import { modules } from '../modules';
import { classesOf, type ClassType } from '../modules/module';

/** The session's resolver (core), then every module's (read when the schema is built, once every module has loaded). */
const resolvers = () =>
  [AuthResolver, ...modules().flatMap((module) => classesOf(module, 'resolvers', module.resolvers))] as [
    ClassType,
    ...ClassType[],
  ];

const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };
const validatable = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * What type-graphql's own argument validation does (class-validator on input objects and args
 * classes; missing properties skipped, unknown values allowed; failures as ArgumentValidationError,
 * which errors.ts reports as BAD_USER_INPUT), with class-validator imported once: type-graphql's
 * imports it dynamically on every argument of every request (a visible share of a cheap request).
 */
async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  try {
    if (Array.isArray(value))
      await Promise.all(value.filter(validatable).map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (err) {
    throw new ArgumentValidationError(err as ValidationError[]);
  }
}

/**
 * An explicit null for an optional input object (`filter: null`) means none, as leaving it out does: the root field's
 * resolver gets it left out, and its default applies (a null read as an object answered INTERNAL). Scalars keep their
 * null, which can mean "clear this". Wrapped once, on the root fields that take such an argument, and synchronous:
 * nothing per row of a list.
 */
function treatNullInputObjectsAsMissing(schema: GraphQLSchema): void {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const names = field.args.filter((a) => isInputObjectType(a.type)).map((a) => a.name);
      const resolve = field.resolve;
      if (!names.length || !resolve) continue;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        if (names.some((n) => args[n] === null)) {
          args = { ...args };
          for (const n of names) if (args[n] === null) delete args[n];
        }
        return resolve(source, args, context, info);
      };
    }
  }
}

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: resolvers(),
    authChecker,
    validateFn: validateArgument,
  });
  treatNullInputObjectsAsMissing(schema);
  return schema;
}

/** The committed contract: sorted so that a diff shows what moved, not where. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

import { DistributorStage } from './distributor.js';

/**
 * People and access: the password policy both apps check as the person types and the API enforces,
 * the kinds of e-mail the API sends, and how long the links in them live.
 *
 * The password rule, written once (no dictionary library: the rule is short enough to read):
 * - at least PASSWORD_MIN_LENGTH (10) characters, at most PASSWORD_MAX_LENGTH (200);
 * - not one of the most common passwords, nor a short pattern repeated ("abcabcabc…", "1111…");
 * - not containing the person's e-mail name or display name;
 * - at least three kinds of character (lower case, upper case, digits, others), unless it is a
 *   passphrase of PASSPHRASE_LENGTH (16) characters or more.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSPHRASE_LENGTH = 16;

export enum PasswordProblem {
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  TOO_COMMON = 'TOO_COMMON',
  PERSONAL = 'PERSONAL',
  TOO_SIMPLE = 'TOO_SIMPLE',
}

// The commonest passwords of the public leak lists (lower-cased), and the product's own name.
const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  'qwertyuiop',
  'qwerty1234',
  'qwerty123456',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou123',
  'abc123456789',
  'a123456789',
  'admin12345',
  'admin123456',
  'welcome123',
  'letmein123',
  'woaini1314',
  'woaini520',
  'aa123456789',
  'zxcvbnm123',
  'medchannel',
  'medchannel1',
  'medchannel123',
]);

const kindsOf = (pw: string) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;

/** A short unit repeated ("abab…", "123123…", "aaaa…"). */
const repeated = (pw: string) => /^(.{1,4})\1+$/.test(pw);

/** What is wrong with a password, by the rule above (empty: it is good enough). */
export function passwordProblems(password: string, person: { email?: string; name?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(PasswordProblem.TOO_SHORT);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(PasswordProblem.TOO_LONG);
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[^a-z0-9]/g, '')) || repeated(lower))
    problems.push(PasswordProblem.TOO_COMMON);
  const mailName = (person.email ?? '').split('@')[0].toLowerCase();
  const name = (person.name ?? '').toLowerCase().replace(/\s+/g, '');
  if ((mailName.length >= 3 && lower.includes(mailName)) || (name.length >= 2 && lower.includes(name)))
    problems.push(PasswordProblem.PERSONAL);
  if (password.length < PASSPHRASE_LENGTH && kindsOf(password) < 3) problems.push(PasswordProblem.TOO_SIMPLE);
  return problems;
}

/** 0 (refused) … 3 (strong), for the meter under a password field: refused, fair, good, strong. */
export function passwordStrength(password: string, person: { email?: string; name?: string } = {}): 0 | 1 | 2 | 3 {
  if (!password || passwordProblems(password, person).length) return 0;
  const kinds = kindsOf(password);
  if (password.length >= PASSPHRASE_LENGTH && kinds >= 3) return 3;
  if (password.length >= 13 || kinds === 4) return 2;
  return 1;
}

/** The e-mails the API sends. */
export enum MailKind {
  INVITATION = 'INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  ACCOUNT_ENABLED = 'ACCOUNT_ENABLED',
  /** The person's role, regions or finance access changed */
  ACCESS_CHANGED = 'ACCESS_CHANGED',
  /** A notice the person chose to get by e-mail at once */
  NOTICE = 'NOTICE',
  /** The day's unread notices the person chose to get by e-mail in a digest */
  NOTICE_DIGEST = 'NOTICE_DIGEST',
}

/** How long an invitation link and a password-reset link stay good. */
export const INVITATION_TTL_HOURS = 7 * 24;
export const RESET_TTL_MINUTES = 60;

/** The app path a link in an e-mail opens (both apps have it), with the token as `?token=`. */
export const SET_PASSWORD_PATH = '/set-password';

/** A person's state as the people lists show it. */
export enum PersonStatus {
  /** Invited, no password set yet */
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

/** A distributor's owner is invited once it is temporarily authorized, or later while it sells. */
export const OWNER_INVITE_STAGES: readonly DistributorStage[] = [
  DistributorStage.TEMP_AUTHORIZED,
  DistributorStage.TRIAL,
  DistributorStage.FORMAL,
  DistributorStage.UNDER_REVIEW,
];

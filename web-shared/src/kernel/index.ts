// The front-end kernel both apps build screens from: coded errors and the form fields they land
// on and the modal and drawer forms they are shown in, exact money, China-time days, the file client, and the key an idempotent request is sent with. Imported as '@medchannel/web-shared/kernel'.
export { useCodedError, codedFailure, fieldPath, type CodedErrorOptions, type CodedFailure } from './useCodedError';
export { showFieldError, fieldNameOf, type FieldPlacement } from './fieldErrors';
export { useFormSubmit, type FormFailure, type FormSubmitOptions } from './useFormSubmit';
export { FailureAlert, FormDrawer, FormModal } from './FormShell';
export { useAskedQuestion } from './useAskedQuestion';
export {
  DEFAULT_CURRENCY,
  absolute,
  addMoney,
  fromCents,
  isPositive,
  minus,
  parseCents,
  parseMoney,
  percentOf,
  runningTotals,
  sameAmount,
  signOf,
  sum,
  times,
  toCents,
  type Money,
} from './money';
export {
  CHINA_TIME_ZONE,
  addDays,
  chinaDay,
  chinaInstant,
  chinaMonth,
  chinaTime,
  chinaToday,
  daysBetween,
  mondayOf,
  parseDay,
} from './dates';
export { newRequestKey } from './requestKey';
export {
  downloadFile,
  fetchFile,
  saveFile,
  uploadFile,
  type Audience,
  type FileFailure,
  type FileResult,
} from './files';

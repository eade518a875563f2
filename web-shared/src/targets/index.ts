// A sales target's monthly series as both apps show it: sell-in, reported sell-out and sell-in to
// date by month (TargetProgress.series, the shared TargetSeriesMonth fragment). Loaded with the
// target screens only; the words come with the component (addTargetStrings).
export { TargetSeries } from './TargetSeries';

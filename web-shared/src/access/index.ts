// Passwords and sessions for both apps' own pages (我的, the profile); imported as
// '@medchannel/web-shared/access' so they stay out of the first load.
export { ChangePasswordCard } from './ChangePasswordCard';
export { SessionsCard } from './SessionsCard';
export { HandoverPanel } from './HandoverPanel';
export type { HandoverColleague } from './useHandover';

// Notices, as both apps show them: the bell, the inbox's logic, the words of every kind, marking a
// record's notices read when its page opens, each person's preferences and the side's group
// robots. An app's notice screens call addNoticeStrings() (once) before they render notice words.
export { addNoticeStrings } from './strings';
export { wordNotice, noticeTarget, type Notice } from './notice';
export { useInbox } from './useInbox';
export { useNoticesReadOnOpen } from './useNoticesReadOnOpen';
export { NotificationBell } from './NotificationBell';
export { NoticePreferences } from './NoticePreferences';
export { RobotsCard } from './RobotsCard';

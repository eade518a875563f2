export { LanguageSwitch } from './LanguageSwitch';
export { PageHeader } from './PageHeader';
export { UserBadge } from './UserBadge';
export { AuthorizationKindTag, AuthorizationStatusTag, ExpiryTag, URGENT_EXPIRY, WordTag } from './StatusTags';
export { downloadFile } from '../kernel/files';
export { ChoiceFilter, FilterBar, SearchFilter, useUrlFilters } from './ListFilters';
export { ComplianceAnswer } from './ComplianceAnswer';
export { FileThumbnails, type ShownFile } from './FileThumbnails';

export { FeaturePlaceholder } from './FeaturePlaceholder';
export { LanguageSwitch } from './LanguageSwitch';
export { PageHeader } from './PageHeader';
export { UserBadge } from './UserBadge';
export { AuthorizationKindTag, AuthorizationStatusTag, ExpiryTag, URGENT_EXPIRY, WordTag } from './StatusTags';
export { downloadFile } from './files';
export { SearchFilter, useUrlFilters } from './ListFilters';

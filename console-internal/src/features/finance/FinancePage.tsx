import { FeaturePlaceholder } from '../../components/FeaturePlaceholder';

export default function FinancePage() {
  return <FeaturePlaceholder feature="finance" />;
}

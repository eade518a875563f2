import { FeaturePlaceholder } from '../../components/FeaturePlaceholder';

export default function StatementsPage() {
  return <FeaturePlaceholder feature="statements" />;
}

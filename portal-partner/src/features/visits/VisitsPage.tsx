import { FeaturePlaceholder } from '../../components/FeaturePlaceholder';

export default function VisitsPage() {
  return <FeaturePlaceholder feature="visits" />;
}

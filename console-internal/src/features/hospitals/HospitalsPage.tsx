import { FeaturePlaceholder } from '../../components/FeaturePlaceholder';

export default function HospitalsPage() {
  return <FeaturePlaceholder feature="hospitals" />;
}

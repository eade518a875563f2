import { ProductOptionsDocument } from '../gql/graphql';
import { RemotePicker, type PickerProps } from './RemotePicker';

/** Finds one product by name or code on the server; shows the chosen one by name. */
export function ProductPicker(props: PickerProps) {
  return (
    <RemotePicker
      {...props}
      query={ProductOptionsDocument}
      toOptions={(data) => data.products.nodes.map((p) => ({ value: p.id, label: `${p.name} · ${p.code}` }))}
    />
  );
}

import { HospitalOptionsDocument } from '../gql/graphql';
import { RemotePicker, type PickerProps } from './RemotePicker';

/** Finds a hospital the viewer may see by name on the server (there are many); `chosenLabel` when the page knows its name. */
export function HospitalPicker(props: PickerProps & { chosenLabel?: string }) {
  return (
    <RemotePicker
      {...props}
      query={HospitalOptionsDocument}
      toOptions={(data) => data.hospitals.nodes.map((h) => ({ value: h.id, label: h.name }))}
    />
  );
}

// The receipt of `bundle`, in the user's language. Its file name is the user's own input, so it
// is neutralised before it reaches the terminal.
import type { MessageFile } from '../catalog/en.js';
import { fill } from '../catalog/index.js';
import type { BundleReceipt } from '../bundle/write.js';
import { neutralise } from './terminal.js';

export function renderBundleReceipt(receipt: BundleReceipt, catalog: MessageFile): string {
  return neutralise(
    fill(catalog.messages['bundle.written'], { file: receipt.file, bytes: receipt.bytes }, catalog.lang),
  );
}

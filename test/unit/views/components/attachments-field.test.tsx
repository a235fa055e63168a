import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentTypes } from '../../../../src/domain/attachment-types.js';
import { AttachmentsField } from '../../../../src/http/views/components/attachments-field.js';
import { attributeOf, render } from '../render.js';

test('attachments field: several files named attachments, every type the attachment policy accepts', () => {
  const html = render(<AttachmentsField id="liitteet" label="Liitteet" hint="Enintään 5" error={[]} />);
  assert.equal(attributeOf(html, 'liitteet', 'name'), 'attachments');
  assert.match(html, /\bmultiple\b/);
  const accepted = attributeOf(html, 'liitteet', 'accept')?.split(',');
  assert.deepEqual(
    accepted,
    Object.values(attachmentTypes)
      .flat()
      .map((extension) => `.${extension}`),
  );
});

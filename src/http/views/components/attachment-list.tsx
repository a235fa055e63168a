import { formatSize, mediaTypeLabel } from '../mailbox/format.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { Icon, type IconName } from './icon.js';

/** An attachment as a message shows it: its name, type and size, downloaded by its id. */
export interface ListedAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/** The icon of an attachment's type: pictures and documents look different. */
function attachmentIcon(mediaType: string): IconName {
  return mediaType.startsWith('image/') ? 'image' : 'fileGeneric';
}

/**
 * A message's attachments, one row each: the type's icon, the name with its type and size, and a
 * download button named with the file ("Lataa paatos.pdf") for a screen reader.
 */
export function AttachmentList(props: {
  attachments: readonly ListedAttachment[];
  /** Where one attachment downloads from. */
  href: (attachment: ListedAttachment) => string;
  /** The button's word ("Lataa"). */
  download: string;
  ctx: PageContext;
}) {
  const { t, locale } = props.ctx;
  return (
    <ul class="attachment-list">
      {props.attachments.map((attachment) => (
        <li class="attachment">
          <Icon name={attachmentIcon(attachment.mediaType)} class="attachment__icon" />
          <span class="attachment__text">
            <span class="attachment__name">{attachment.fileName}</span>
            <span class="attachment__meta">
              {`${mediaTypeLabel(attachment.mediaType)}, ${formatSize(attachment.sizeBytes, locale, t)}`}
            </span>
          </span>
          <a
            class="button button--secondary attachment__download"
            href={props.href(attachment)}
            download
            aria-label={`${props.download} ${attachment.fileName}`}
          >
            <Icon name="download" />
            {props.download}
          </a>
        </li>
      ))}
    </ul>
  );
}

export const styles = css`
  .attachment-list {
    list-style: none;
    margin: 0;
    padding: 0;
    max-width: 48rem;
    border-top: 1px solid var(--fi-color-depth-light-1);
  }
  .attachment {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fi-spacing-xs) var(--fi-spacing-s);
    padding: var(--fi-spacing-s) 0;
    border-bottom: 1px solid var(--fi-color-depth-light-1);
  }
  .attachment__icon {
    width: 2rem;
    height: 2rem;
    color: var(--fi-color-brand-base);
  }
  .attachment__text {
    flex: 1 1 12rem;
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .attachment__name {
    font-weight: 600;
  }
  .attachment__meta {
    font-size: var(--fi-font-size-body-text-small);
    color: var(--fi-color-black-light-1);
  }
  .attachment__download {
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xs);
  }
`;

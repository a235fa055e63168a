import type { ComponentChildren } from 'preact';

export interface PostFormProps {
  /** Where the form posts. */
  action: string;
  /** The session's CSRF token; the server refuses the post without it. */
  csrfToken: string | undefined;
  /** For buttons and paging links elsewhere on the page that submit this form (`form=`). */
  id?: string | undefined;
  /** The form carries files. */
  multipart?: boolean;
  class?: string | undefined;
  /** The id of the heading that names the form. */
  labelledBy?: string | undefined;
  /**
   * The server checks the form and answers with the error summary in the page's language, rather
   * than the browser's own pop-ups.
   */
  novalidate?: boolean;
  children?: ComponentChildren;
}

/**
 * A form that changes something: a POST carrying the session's CSRF token as its first field (so the
 * server can check it before it reads anything else, files included), then the form's own fields.
 */
export function PostForm(props: PostFormProps) {
  return (
    <form
      id={props.id}
      method="post"
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      class={props.class}
      aria-labelledby={props.labelledBy}
      novalidate={props.novalidate}
    >
      <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
      {props.children}
    </form>
  );
}

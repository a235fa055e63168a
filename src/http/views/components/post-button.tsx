import type { ComponentChildren } from 'preact';

export interface PostButtonProps {
  /** Where the form posts. */
  action: string;
  /** The session's CSRF token; the server refuses the post without it. */
  csrfToken: string | undefined;
  variant?: 'primary' | 'secondary' | 'danger';
  /** A class for the form itself, for where it sits in a bar. */
  formClass?: string;
  children: ComponentChildren;
}

const variantClasses = {
  primary: undefined,
  secondary: 'button--secondary',
  danger: 'button--danger',
} as const;

/** One action that changes something (delete, restore, log out): a POST form, so it needs no script. */
export function PostButton(props: PostButtonProps) {
  return (
    <form method="post" action={props.action} class={props.formClass}>
      <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
      <button type="submit" class={variantClasses[props.variant ?? 'primary']}>
        {props.children}
      </button>
    </form>
  );
}

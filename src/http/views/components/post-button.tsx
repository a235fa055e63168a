import type { ComponentChildren } from 'preact';
import { PostForm } from './post-form.js';

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
    <PostForm action={props.action} csrfToken={props.csrfToken} class={props.formClass}>
      <button type="submit" class={variantClasses[props.variant ?? 'primary']}>
        {props.children}
      </button>
    </PostForm>
  );
}

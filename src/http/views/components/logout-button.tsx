import { Icon } from './icon.js';
import { PostButton } from './post-button.js';

/** The account bar's logout: a POST form (it needs no script) with the session's token. */
export function LogoutButton(props: { action: string; csrfToken: string | undefined; text: string }) {
  return (
    <PostButton
      action={props.action}
      csrfToken={props.csrfToken}
      variant="secondary"
      formClass="account-bar__logout"
    >
      <Icon name="logout" />
      {props.text}
    </PostButton>
  );
}

import { css } from '../styles/css.js';

export interface Choice {
  /** Sent as the form field's value when this button submits the form. */
  value: string;
  label: string;
}

export interface ChoiceButtonsProps {
  /** The form field each button submits. */
  name: string;
  choices: readonly Choice[];
}

/** A choice made by pressing one of several equal submit buttons (an identification method). */
export function ChoiceButtons(props: ChoiceButtonsProps) {
  return (
    <ul class="choice-buttons">
      {props.choices.map((choice) => (
        <li>
          <button type="submit" name={props.name} value={choice.value}>
            {choice.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A grid of equal buttons, outlined so that none looks preselected. */
export const styles = css`
  .choice-buttons {
    list-style: none;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--fi-spacing-s);
  }
  .choice-buttons button {
    width: 100%;
    /* Names of banks and methods are single words: wrap between words, never inside one. */
    overflow-wrap: normal;
    background: var(--fi-color-white-base);
    color: var(--fi-color-highlight-dark-1);
  }
`;

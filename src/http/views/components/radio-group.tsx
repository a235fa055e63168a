import type { Translate, TranslationKey } from '../../../i18n/i18n.js';
import { describedBy, messagesOf } from './described-by.js';
import { FieldErrorText } from './field-error.js';

export interface RadioOption {
  value: string;
  label: string;
  /** The label's language when it differs from the page's (language names in their own language). */
  lang?: string;
}

/**
 * The options of a table from each value to its label's key, in the table's order (one table serves
 * the form and, where the page shows the chosen value again, its text).
 */
export function labelledOptions(
  t: Translate,
  labels: Readonly<Record<string, TranslationKey>>,
): RadioOption[] {
  return Object.entries(labels).map(([value, key]) => ({ value, label: t(key) }));
}

export interface RadioGroupProps {
  /** The form field name sent to the server. */
  name: string;
  /** Prefix of the element ids: `<idPrefix>-<value>` for each button, `-hint` and `-error`; `name` unless given. */
  idPrefix?: string;
  legend: string;
  options: readonly RadioOption[];
  /** The chosen value, if any. */
  value: string | undefined;
  hint?: string | undefined;
  error?: string | string[] | undefined;
  required?: boolean;
}

/** One choice of several: a fieldset whose legend names the question (styled as label.checkbox). */
export function RadioGroup(props: RadioGroupProps) {
  const idPrefix = props.idPrefix ?? props.name;
  const hintId = props.hint ? `${idPrefix}-hint` : undefined;
  const errorId = messagesOf(props.error).length > 0 ? `${idPrefix}-error` : undefined;
  return (
    <fieldset class="field" aria-describedby={describedBy(errorId, hintId)}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <FieldErrorText id={`${idPrefix}-error`} error={props.error} />
      {props.options.map((option) => (
        <label class="checkbox" for={`${idPrefix}-${option.value}`}>
          <input
            type="radio"
            id={`${idPrefix}-${option.value}`}
            name={props.name}
            value={option.value}
            required={props.required}
            checked={props.value === option.value}
          />
          <span lang={option.lang}>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

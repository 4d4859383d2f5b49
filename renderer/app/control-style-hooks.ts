import { makeStyles, mergeClasses, tokens, type CheckboxState, type FluentProviderCustomStyleHooks, type RadioState } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Fluent greys an enabled, unticked option (foreground 3) through the input's sibling
  // selector; this rule is as specific and comes later, so the label reads as available.
  radio: { '& .fui-Radio__input:enabled:not(:checked) ~ .fui-Radio__label': { color: tokens.colorNeutralForeground1 } },
  checkbox: { color: tokens.colorNeutralForeground1, ':hover': { color: tokens.colorNeutralForeground1 } },
});

function useRadioLabelStyles(state: unknown): void {
  const styles = useStyles();
  const radio = state as RadioState;
  radio.root.className = mergeClasses(radio.root.className, styles.radio);
}

function useCheckboxLabelStyles(state: unknown): void {
  const styles = useStyles();
  const checkbox = state as CheckboxState;
  if (checkbox.input.disabled !== true) checkbox.root.className = mergeClasses(checkbox.root.className, styles.checkbox);
}

/**
 * Style hooks for the FluentProvider: unticked radio buttons and checkboxes keep the normal
 * text colour.
 *
 * Fluent's web look draws an enabled option that is not chosen in a lighter grey, which reads
 * as disabled to a Windows admin ("why can I not pick StartTLS?"); Windows draws every enabled
 * option in the normal colour and only disabled ones in grey, and so does the console.
 */
export const CONTROL_STYLE_HOOKS: FluentProviderCustomStyleHooks = {
  useRadioStyles_unstable: useRadioLabelStyles,
  useCheckboxStyles_unstable: useCheckboxLabelStyles,
};

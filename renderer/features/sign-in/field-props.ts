import type { SignInField, SignInForm } from './sign-in-form.ts';

/**
 * What each group of sign-in fields receives from the page.
 *
 * The page owns the form state and the validation result; field groups only draw them, and
 * register their inputs so the page can focus the first invalid one.
 */
export type SignInFieldsProps = {
  readonly form: SignInForm;
  readonly update: (patch: Partial<SignInForm>) => void;
  readonly invalid: ReadonlySet<SignInField>;
  readonly disabled: boolean;
  readonly inputRef: (field: SignInField) => (element: HTMLInputElement | null) => void;
};

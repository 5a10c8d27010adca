import { PASSWORD_LIMITS } from '@/app/_lib/password';
import { TextField } from './text-field';

/** A field for choosing a password, with the server's length limits checked by the browser first. */
export function NewPasswordField({ label, hint, name }: { label: string; hint?: string; name: string }) {
  return (
    <TextField
      label={label}
      hint={hint}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_LIMITS.min}
      maxLength={PASSWORD_LIMITS.max}
    />
  );
}

/** A form's error as a whole (field errors sit under their fields), announced when it appears. */
export function FormError({ message }: { message?: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

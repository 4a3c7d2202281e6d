/** After a failed submit, put the keyboard on the first field marked invalid, so the error is where the person is. */
export function focusFirstInvalid(): void {
  window.setTimeout(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
  }, 50);
}

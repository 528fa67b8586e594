/** Maps a kit class name to itself, or to nothing when the component is `unstyled`. */
export type ClassNameFn = (name: string) => string | undefined;

/** `unstyled` drops every kit class name (so none of styles.css applies); data-* attributes stay. */
export function classNames(unstyled: boolean): ClassNameFn {
  return (name) => (unstyled ? undefined : name);
}

/** Join class names, skipping empty ones; undefined when none remain (no empty class attribute). */
export function joinClasses(...names: (string | false | null | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

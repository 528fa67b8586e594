// Resolved by bench/profileComponents.ts to the profiled checkout's dist/styles.css, as text.
declare module '@styles?inline' {
  const css: string;
  export default css;
}

import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles.css';

export type StoryTheme = 'light' | 'dark';

// Every story renders inside a themed surface, the way an app would set data-theme on a
// wrapper; the toolbar (or a story's `globals: { theme }`) picks light or dark.
const withTheme: Decorator = (Story, context) => {
  const theme: StoryTheme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  return (
    <div
      data-theme={theme}
      style={{
        background: 'var(--rrk-color-surface)',
        color: 'var(--rrk-color-text)',
        fontFamily: 'var(--rrk-font-sans)',
        padding: '1rem',
        boxSizing: 'border-box',
        // Fill the canvas in a story; in docs each story block keeps its own height.
        minHeight: context.viewMode === 'docs' ? undefined : '100vh',
      }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme (sets data-theme on the story wrapper)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    theme: 'light',
  },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;

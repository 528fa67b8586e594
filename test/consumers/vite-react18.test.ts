import { describeViteReactApp } from './lib/viteSuite';

// App 1: React 18.3, the last React 18.
describeViteReactApp('vite-react18.3', { react: '18.3.1', 'react-dom': '18.3.1', '@types/react': '18.3.32', '@types/react-dom': '18.3.7' });

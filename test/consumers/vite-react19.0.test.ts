import { describeViteReactApp } from './lib/viteSuite';

// The first React 19, with the types of its time (19.0.x).
describeViteReactApp('vite-react19.0', { react: '19.0.0', 'react-dom': '19.0.0', '@types/react': '19.0.14', '@types/react-dom': '19.0.6' });

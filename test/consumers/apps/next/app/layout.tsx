import type { ReactNode } from 'react';
import 'react-realtime-kit/styles.css';

export const metadata = { title: 'react-realtime-kit consumer: Next.js App Router' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <link rel="icon" href="data:," />
      </head>
      <body>{children}</body>
    </html>
  );
}

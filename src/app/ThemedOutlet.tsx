import { Outlet } from 'react-router';
import { ThemeRoot } from './ThemeRoot';

/** The route around every page but the sign-in page: MUI's theme and global styles (./ThemeRoot.tsx). */
export function Component() {
  return (
    <ThemeRoot baseline>
      <Outlet />
    </ThemeRoot>
  );
}

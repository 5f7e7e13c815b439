// Start-up stage: the router and the data layer (see ./stages.ts).
export { RouterProvider, createBrowserRouter } from 'react-router';
export { QueryClientProvider, QueryClient } from '@tanstack/react-query';

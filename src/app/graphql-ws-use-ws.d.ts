// graphql-ws publishes its ws adapter as the package export 'graphql-ws/use/ws', which this
// project's module resolution ("node") does not read: the types are pointed at the file here.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}

// Vite's `?url` imports: the file is emitted with the build's assets (same origin) and its URL imported.
declare module '*?url' {
  const url: string;
  export default url;
}

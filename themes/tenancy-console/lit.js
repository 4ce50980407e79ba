// lit-html (from its WebJar, unpacked into vendor/ at build time) and the directives the console uses.
export { html, nothing, render } from './vendor/lit-html/lit-html.js';
export { ifDefined } from './vendor/lit-html/directives/if-defined.js';
export { live } from './vendor/lit-html/directives/live.js';
export { ref, createRef } from './vendor/lit-html/directives/ref.js';
export { repeat } from './vendor/lit-html/directives/repeat.js';

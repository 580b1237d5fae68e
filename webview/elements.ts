// The @vscode-elements controls (the maintained successor of the deprecated
// @vscode/webview-ui-toolkit) in their own script, loaded after the charts are painted
// (webview/lib/lateScript.ts): their registration is not on the first paint's path.
// The controls' elements exist before and upgrade in place when this runs.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

// The part of Vega the pages run: the parser, the view, and the transforms Vega-Lite's
// output and Vega's own guides use (vega-transforms, vega-view-transforms, vega-encode).
// The `vega` package also registers geo, force, hierarchy, label, regression, voronoi,
// wordcloud and crossfilter transforms, 119 KiB of a page's 833 KiB script that no
// section's chart uses; a page compiles its whole script before its first line runs, so
// each byte is on the way to the first paint (issue 11). A spec that needed one of them
// would fail to parse ("Unrecognized transform type"); test/unit/webview/leanVega.test.ts
// parses every precompiled chart shape with this module alone.
import { extend } from 'vega-util';
import { transforms } from 'vega-dataflow';
import * as dataTransforms from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import * as encodeTransforms from 'vega-encode';

extend(transforms, dataTransforms, viewTransforms, encodeTransforms);

export { View } from 'vega-view';
export { parse } from 'vega-parser';

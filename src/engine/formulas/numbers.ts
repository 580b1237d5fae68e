// How an explanation writes numbers: computed ones to 3 digits, given constants with all
// their digits. One implementation, in engine/format (shared with the side view and panels).
export { formatConstant, formatNumber } from '../format';

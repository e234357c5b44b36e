// Character codes the stages compare with text.charCodeAt(): named once, for every stage that tells
// punctuation from the text instead of reading a token's string.
export const STRAIGHT_QUOTE = 0x22;
export const APOSTROPHE = 0x27;
export const OPEN_PAREN = 0x28;
export const CLOSE_PAREN = 0x29;
export const COMMA = 0x2c;
export const HYPHEN = 0x2d;
export const FULL_STOP = 0x2e;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const BAR = 0x7c;
export const EN_DASH = 0x2013;
export const EM_DASH = 0x2014;
export const RIGHT_SINGLE_QUOTE = 0x2019;
export const OPENING_QUOTE = 0x201c;
export const CLOSING_QUOTE = 0x201d;

// What no output may hold raw: the control characters a terminal acts on (C0, DEL, C1), but the
// line feeds a renderer puts between its lines.
export const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

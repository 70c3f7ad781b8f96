// The strings an attacker sent (issue 19): set the window title, clear the screen, forge a line with CR; and the
// quieter ones, backspace, VT, FF, NEL, CSI, DEL, and an unclosed right-to-left override.
export const HOSTILE = {
  title: '\x1b]0;owned\x07',
  clear: '\x1b[2J',
  forged: 'ok\rFAKE: notice withdrawn by authority',
  backspace: 'abc\bX',
  vt: 'a\vb',
  ff: 'a\fb',
  nel: 'a\u0085b',
  csi: 'a\u009b2Jb',
  del: 'a\u007fb',
  rlo: 'Telegram\u202e moc.elgoog'
}

/** Any character a terminal acts on or that reorders text (tab and line feed aside). */
export const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/ // eslint-disable-line no-control-regex

// Letters of hostile text (issue 19), rendered without a database: the PDF draws no bidirectional control.
import t from 'tap'
import { renderNotice } from '../../src/render/notice.ts'
import { stripBidi } from '../../src/lib/text-controls.ts'
import { SIGNATURE, TELEGRAM_NOTICE } from '../fixtures/notices.ts'
import { HOSTILE } from '../helpers/hostile-text.ts'

t.test('the PDF of a letter holding bidirectional controls is the PDF of the same letter without them', async (t) => {
  // pdfkit reorders nothing and draws such a control as a box (which pdftotext -layout silently drops), so the
  // only way to show one is not drawn is to compare with the letter that never had it.
  const hostile = {
    ...TELEGRAM_NOTICE,
    statementOfReasons: `Calls for violence. ${HOSTILE.rlo} after the override, \u2067محمد\u2069.`,
    addressee: { ...TELEGRAM_NOTICE.addressee, platformName: 'Telegram\u202e' }
  }
  const plain = {
    ...hostile,
    statementOfReasons: stripBidi(hostile.statementOfReasons),
    addressee: { ...hostile.addressee, platformName: 'Telegram' }
  }
  const [drawn, expected] = await Promise.all([hostile, plain].map(async (content) =>
    (await renderNotice(content, 'pdf', 'en', SIGNATURE)).body as Buffer))
  t.ok(drawn.equals(expected), 'the same bytes')
  const text = (await renderNotice(hostile, 'text', 'en', SIGNATURE)).body as string
  t.match(text, '\u2068Telegram\u202e\u202c\u2069', 'the text letter keeps them, closed in an isolate')
})

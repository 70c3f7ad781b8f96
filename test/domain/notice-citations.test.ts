// What a notice may cite of earlier removals: its own platform's notices by number, others' by day and category.
import t from 'tap'
import { buildNoticeContent, citationsFor, type EarlierRemoval } from '../../src/domain/notices/notice-content.ts'

const TG1: EarlierRemoval = { referenceNumber: 'KZ-2026-TG-000001', removedAt: '2026-03-01T10:00:00.000Z', category: 'terrorism' }
const TG2: EarlierRemoval = { referenceNumber: 'KZ-2026-TG-000007', removedAt: '2026-03-01T23:00:00.000Z', category: 'terrorism' }
const VK1: EarlierRemoval = { referenceNumber: 'KZ-2025-VK-000003', removedAt: '2025-12-31T08:00:00.000Z', category: 'extremism' }

t.test('citations per addressee', async (t) => {
  const cases: Array<[string, Parameters<typeof citationsFor>[0], EarlierRemoval[], ReturnType<typeof citationsFor>]> = [
    ['nothing earlier', 'vk', [], { reuploadOf: [] }],
    ['own notices by number, sorted and once', 'telegram', [TG2, TG1, TG1], { reuploadOf: [TG1.referenceNumber, TG2.referenceNumber] }],
    ['another platform\'s: day and category only, the same day and category once', 'vk', [TG1, TG2],
      { reuploadOf: [], removedElsewhere: [{ removedAt: '2026-03-01', category: 'terrorism' }] }],
    ['both kinds', 'vk', [TG1, VK1], { reuploadOf: [VK1.referenceNumber], removedElsewhere: [{ removedAt: '2026-03-01', category: 'terrorism' }] }],
    ['a platform with no earlier notice of its own', 'tiktok', [VK1, TG1], {
      reuploadOf: [],
      removedElsewhere: [{ removedAt: '2025-12-31', category: 'extremism' }, { removedAt: '2026-03-01', category: 'terrorism' }]
    }]
  ]
  for (const [name, platform, earlier, expected] of cases) {
    const cited = citationsFor(platform, earlier)
    t.same(cited, expected, name)
    t.notMatch(JSON.stringify(cited.removedElsewhere ?? []), /KZ-/, `${name}: no reference number among other platforms' removals`)
  }
})

t.test('a notice citing only removals elsewhere is urgent', async (t) => {
  const content = buildNoticeContent({
    noticeId: '00000000-0000-4000-8000-000000000001',
    referenceNumber: 'KZ-2026-VK-000002',
    reportId: '00000000-0000-4000-8000-000000000002',
    issuer: { name: 'Issuer', contactPoint: 'contact@example.org' },
    platform: {
      slug: 'vk',
      name: 'VK',
      legalEntity: { name: 'VK LLC', country: 'RU', address: 'Moscow' },
      legalRepresentative: null,
      languages: ['ru'],
      deadlines: { normalHours: 24, urgentHours: 1 }
    },
    issuedAt: new Date('2026-03-02T00:00:00Z'),
    urgency: 'normal',
    category: 'terrorism',
    legalBasis: { id: 'x', citation: 'x', title: { kk: 'x', ru: 'x', en: 'x' } },
    statementOfReasons: 'Reasons.',
    territorialScope: ['KZ'],
    items: [{
      id: '00000000-0000-4000-8000-000000000003',
      position: 1,
      url: 'https://vk.com/wall-1_2',
      canonicalUrl: 'https://vk.com/wall-1_2',
      contentType: 'image',
      identifiers: {},
      ...citationsFor('vk', [TG1])
    }],
    redressDays: 30,
    preservationMonths: 6
  })
  t.equal(content.urgency, 'urgent')
  t.same(content.reuploadOf, [])
  t.equal(new Date(content.deadline).getTime() - new Date(content.issuedAt).getTime(), 3_600_000)
})

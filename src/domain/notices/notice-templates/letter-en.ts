// The English wording of a removal notice: headings, labels, names and the standard legal paragraphs.
import type { LetterTemplate } from './types.ts'

export const LETTER_EN: LetterTemplate = {
  title: 'Removal notice {referenceNumber}',
  headings: {
    addressee: 'Addressee',
    notice: 'Notice',
    grounds: 'Category and legal basis',
    reasons: 'Statement of reasons',
    scope: 'Territorial scope',
    items: 'Material to be removed',
    reupload: 'Re-uploaded material',
    redress: 'Redress',
    preservation: 'Preservation of data',
    languages: 'Languages',
    evidence: 'Evidence',
    signatory: 'Signed for the issuing authority'
  },
  labels: {
    issuer: 'Issuing authority',
    contactPoint: 'Contact point',
    referenceNumber: 'Reference number',
    platform: 'Platform',
    addressee: 'Addressee (legal entity)',
    address: 'Registered address',
    legalRepresentative: 'Legal representative',
    issuedAt: 'Date and time of issue',
    deadline: 'Deadline for removal',
    urgency: 'Urgency',
    category: 'Category',
    dsaCategory: 'DSA category (keyword)',
    legalBasis: 'Legal basis',
    citation: 'Citation',
    signatoryName: 'Name',
    signatoryPosition: 'Position',
    reuploadOf: 'Re-upload references',
    thisVersion: 'Language of this version',
    languages: 'Languages of the notice'
  },
  representative: '{name} ({email})',
  noRepresentative: 'none on record',
  salutation: 'To: {legalEntity} (operator of {platformName}). For the attention of ' +
    'its legal representative: {representative}.',
  salutationWithoutRepresentative: 'To: {legalEntity} (operator of {platformName}). No legal representative in the ' +
    'Republic of Kazakhstan is on record; this notice is addressed to the operator directly.',
  demand: 'On the legal basis stated below, the issuing authority ({issuer}) requires the addressee to remove the ' +
    'material listed in this notice, or to disable access to it in the ' +
    'territory stated below, no later than {deadline}.',
  timestamp: '{utc} UTC ({local} Astana time, UTC+5)',
  scope: 'The material is to be removed from the platform altogether or, at the least, access to it ' +
    'disabled in the territory of: {countries}.',
  itemColumns: { number: 'No.', item: 'Item', url: 'URL', contentType: 'Content type', reuploadOf: 'Re-upload of' },
  itemRef: 'Item {number}',
  capturedAt: 'captured {time}',
  evidenceRef: 'evidence reference {ref}',
  reupload: {
    one: 'This material was removed earlier under notice {refs}; it has been uploaded again.',
    other: 'This material was removed earlier under notices {refs}; it has been uploaded again.'
  },
  removedElsewhere: 'This material was removed earlier from another platform ({removals}); it has been uploaded again.',
  redress: 'The addressee and the owner of the content may contest this notice within {redressDays} {days} of its ' +
    'receipt, before the issuing authority (at the contact point above) or before ' +
    'the courts of the Republic of Kazakhstan.',
  preservation: 'The addressee shall keep the removed material and the data related to it, in particular the data ' +
    'identifying the account that published it, for {preservationMonths} {months} from the removal, so that they ' +
    'remain available for the review of this notice, for complaints and for court or law-enforcement proceedings.',
  days: { one: 'day', other: 'days' },
  months: { one: 'month', other: 'months' },
  signedContent: 'Every language version renders the same signed content. The electronic signature below covers that ' +
    'content, not a particular rendering, and can be verified with the public key published by the gateway at ' +
    '/.well-known/jwks.json.',
  signature: 'Electronic signature',
  pageLabel: 'Page {page} of {pages}',
  genericItem: 'Material at {canonicalUrl}',
  none: '—',
  categories: {
    terrorism: 'Terrorist content',
    extremism: 'Extremist content',
    violence: 'Glorification of cruelty and violence',
    pornography: 'Pornography',
    child_sexual_abuse: 'Child sexual abuse material',
    suicide: 'Promotion of suicide',
    drugs: 'Promotion of narcotic drugs and psychotropic substances',
    cyberbullying: 'Cyberbullying of children',
    fraud: 'Fraud',
    other: 'Other unlawful content'
  },
  urgencies: { normal: 'Normal', urgent: 'Urgent' },
  contentTypes: {
    text: 'Text',
    image: 'Image',
    video: 'Video',
    audio: 'Audio',
    account: 'Account or channel',
    link: 'Link',
    other: 'Other'
  },
  languageNames: { en: 'English', ru: 'Russian', kk: 'Kazakh' },
  countries: { KZ: 'Republic of Kazakhstan' }
}

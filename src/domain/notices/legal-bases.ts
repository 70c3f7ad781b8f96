// The provisions a notice can cite, as seeded into the legal-basis catalogue (admins may add more).

export interface LegalBasisSeed {
  id: string
  citation: string
  citations: { kk: string, ru: string, en: string }
  title: { kk: string, ru: string, en: string }
  text: { kk: string, ru: string, en: string }
}

export const LEGAL_BASES: readonly LegalBasisSeed[] = [
  {
    id: 'kz-communications-41-1',
    citation: 'Law of the Republic of Kazakhstan No. 567-II "On Communications" of 5 July 2004, Article 41-1',
    citations: {
      kk: '«Байланыс туралы» 2004 жылғы 5 шілдедегі № 567-II Қазақстан Республикасының Заңы, 41-1-бап',
      ru: 'Закон Республики Казахстан от 5 июля 2004 года № 567-II «О связи», статья 41-1',
      en: 'Law of the Republic of Kazakhstan No. 567-II "On Communications" of 5 July 2004, Article 41-1'
    },
    title: {
      kk: '«Байланыс туралы» Қазақстан Республикасы Заңының 41-1-бабы. Желілер мен байланыс құралдарының жұмысын ' +
        'тоқтата тұру, интернет-ресурстарға қолжетімділікті шектеу',
      ru: 'Статья 41-1 Закона Республики Казахстан «О связи». Приостановление работы сетей и (или) средств ' +
        'связи, ограничение доступа к интернет-ресурсам',
      en: 'Article 41-1 of the Law of the Republic of Kazakhstan "On Communications". Suspension of networks and ' +
        'means of communication, restriction of access to internet resources'
    },
    text: {
      kk: 'Қазақстан Республикасының заңнамасымен таратылуы тыйым салынған ақпаратты тарату үшін пайдаланылатын ' +
        'интернет-ресурстарға қолжетімділік уәкілетті органның нұсқамасы бойынша шектеледі.',
      ru: 'Доступ к интернет-ресурсам, используемым для распространения информации, запрещённой законодательством ' +
        'Республики Казахстан, ограничивается по предписанию уполномоченного органа.',
      en: 'Access to internet resources used to disseminate information prohibited by the legislation of the ' +
        'Republic of Kazakhstan is restricted on the order of the authorised body.'
    }
  },
  {
    id: 'kz-online-platforms-9',
    citation: 'Law of the Republic of Kazakhstan No. 18-VIII "On Online Platforms and ' +
      'Online Advertising" of 10 July 2023, Article 9',
    citations: {
      kk: '«Онлайн-платформалар және онлайн-жарнама туралы» 2023 жылғы 10 шілдедегі № ' +
        '18-VIII Қазақстан Республикасының Заңы, 9-бап',
      ru: 'Закон Республики Казахстан от 10 июля 2023 года № 18-VIII «Об онлайн-платформах и онлайн-рекламе», статья 9',
      en: 'Law of the Republic of Kazakhstan No. 18-VIII "On Online Platforms and ' +
        'Online Advertising" of 10 July 2023, Article 9'
    },
    title: {
      kk: '«Онлайн-платформалар және онлайн-жарнама туралы» Қазақстан Республикасы Заңының 9-бабы. ' +
        'Онлайн-платформа меншік иесінің міндеттері',
      ru: 'Статья 9 Закона Республики Казахстан «Об онлайн-платформах и онлайн-рекламе». ' +
        'Обязанности собственника онлайн-платформы',
      en: 'Article 9 of the Law of the Republic of Kazakhstan "On Online Platforms and Online ' +
        'Advertising". Duties of the online platform owner'
    },
    text: {
      kk: 'Онлайн-платформаның меншік иесі уәкілетті органның нұсқамасын алған кезден бастап жиырма төрт сағат ' +
        'ішінде заңсыз контентке қолжетімділікті жоюға немесе шектеуге міндетті.',
      ru: 'Собственник онлайн-платформы обязан удалить или ограничить доступ к противоправному контенту в течение ' +
        'двадцати четырёх часов с момента получения предписания уполномоченного органа.',
      en: 'The owner of an online platform must remove or restrict access to unlawful content within twenty-four ' +
        'hours of receiving the order of the authorised body.'
    }
  }
]
